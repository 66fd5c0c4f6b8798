import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventRecord, records, sink } from './export-fixture.js';
import { geojsonFormat } from './geojson.js';

test('a FeatureCollection of placed events and distinct places, coordinates as [lon, lat]', async () => {
  const a = eventRecord('[Red Cell|ORG|rc] fighters arrived in [Doma|GPE|doma] {in May 2019|2019-05}. Life in [Doma|GPE|doma] and [Kessa|GPE|kessa] is hard.');
  const b = eventRecord('Nothing happened here.');
  const { out, text } = sink();
  assert.equal(await geojsonFormat.write(records(a, b), out), 2);
  const fc = JSON.parse(text());
  assert.equal(fc.type, 'FeatureCollection');
  const ev = fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'event');
  assert.equal(ev.length, 1);
  assert.deepEqual(ev[0].geometry, { type: 'Point', coordinates: [36, 34] });
  assert.deepEqual([ev[0].properties.type, ev[0].properties.actor, ev[0].properties.date], ['movement', 'Red Cell', '2019-05']);
  const places = fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'place');
  // Doma twice and Kessa once: two distinct places.
  assert.equal(places.length, 2);
  assert.equal(places.find((p: { properties: { name: string } }) => p.properties.name === 'Doma').properties.mentions, 2);
  assert.ok(places.every((p: { geometry: { coordinates: number[] } }) => p.geometry.coordinates.length === 2));
});

test('an empty store gives a valid empty collection', async () => {
  const { out, text } = sink();
  await geojsonFormat.write(records(), out);
  assert.deepEqual(JSON.parse(text()), { type: 'FeatureCollection', features: [] });
});
