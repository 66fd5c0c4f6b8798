import type { NewsRecord } from '../output/record.js';
import { record } from '../store/contract.js';

/**
 * Invented records with their `story` (and one `copyOf`) set by hand, as the stages would set
 * them, for the command line, API and app tests: a flood told by three outlets, one of them a
 * copy, and a council vote.
 */
export function storyFixtureRecords(): NewsRecord[] {
  return [
    record('The Tamsin river flooded Velmora.', { outlet: 'Ridge Daily', published: '2024-03-07', title: 'Velmora floods' }, { story: 'story:flood' }, 'flood-c'),
    record('Velmora is under water after the Tamsin rose.', { outlet: 'Valley Post', published: '2024-03-05' }, { story: 'story:flood' }, 'flood-a'),
    record('Velmora is under water after the Tamsin rose!', { outlet: 'Coast Wire', published: '2024-03-06', title: 'Velmora under water' }, { story: 'story:flood', copyOf: 'flood-a' }, 'flood-b'),
    record('Brenmouth raised berth fees.', { outlet: 'Harbour Times', published: '2024-03-05', title: 'Berth fees up' }, { story: 'story:fees' }, 'fees-d'),
  ];
}
