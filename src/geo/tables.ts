/**
 * Hand-written gazetteer entries that GeoNames' city file does not carry: the regions,
 * water bodies and landmarks news writes about, short country names and a few country
 * points. The compiler (scripts/build-gazetteer.mjs) merges them into the index.
 */

export interface ExtraPlace {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly lat: number;
  readonly lon: number;
  /** GeoNames feature code: CONT, RGN, SEA, STM, BDG, SQR, BLDG, ... */
  readonly code: string;
  readonly country?: string;
  readonly geonameId?: number;
}

export const REGIONS: readonly ExtraPlace[] = [
  // Continents, at GeoNames' points.
  { name: 'Europe', lat: 48.69096, lon: 9.14062, code: 'CONT', geonameId: 6255148 },
  { name: 'Africa', lat: 7.1881, lon: 21.09375, code: 'CONT', geonameId: 6255146 },
  { name: 'Asia', lat: 29.84064, lon: 89.29688, code: 'CONT', geonameId: 6255147 },
  { name: 'North America', lat: 46.07323, lon: -100.54688, code: 'CONT', geonameId: 6255149 },
  { name: 'South America', lat: -14.60485, lon: -57.65625, code: 'CONT', geonameId: 6255150 },
  { name: 'Oceania', lat: -18.31281, lon: 138.51563, code: 'CONT', geonameId: 6255151 },
  { name: 'Antarctica', lat: -78.15856, lon: 16.40626, code: 'CONT', geonameId: 6255152 },
  // The European Union is written about as a place ("in the EU", "EU countries").
  { name: 'European Union', aliases: ['EU', 'E.U.'], lat: 48.69096, lon: 9.14062, code: 'RGN', geonameId: 6255148 },
  // Regions.
  { name: 'Middle East', aliases: ['Mideast', 'Near East'], lat: 30.0, lon: 42.0, code: 'RGN' },
  { name: 'North Africa', aliases: ['Northern Africa', 'Maghreb'], lat: 28.0, lon: 10.0, code: 'RGN' },
  { name: 'West Africa', aliases: ['Western Africa'], lat: 12.0, lon: -3.0, code: 'RGN' },
  { name: 'East Africa', aliases: ['Eastern Africa'], lat: 1.0, lon: 37.0, code: 'RGN' },
  { name: 'Central Africa', lat: 2.0, lon: 20.0, code: 'RGN' },
  { name: 'Southern Africa', lat: -24.0, lon: 25.0, code: 'RGN' },
  { name: 'Sub-Saharan Africa', aliases: ['sub-Saharan Africa'], lat: 0.0, lon: 20.0, code: 'RGN' },
  { name: 'Horn of Africa', lat: 8.0, lon: 45.0, code: 'RGN' },
  { name: 'Sahel', lat: 15.0, lon: 5.0, code: 'RGN' },
  { name: 'Sahara', aliases: ['Sahara Desert'], lat: 23.0, lon: 10.0, code: 'DSRT' },
  { name: 'Levant', lat: 33.5, lon: 36.3, code: 'RGN' },
  { name: 'Arabian Peninsula', aliases: ['Arabia'], lat: 23.0, lon: 46.0, code: 'PEN' },
  { name: 'Gulf', aliases: ['Persian Gulf', 'Arabian Gulf', 'Gulf region'], lat: 26.5, lon: 52.0, code: 'GULF' },
  { name: 'Kurdistan', aliases: ['Iraqi Kurdistan', 'Kurdistan Region', 'Kurdistan region'], lat: 36.5, lon: 44.3, code: 'RGN', country: 'IQ' },
  { name: 'Nineveh Plains', aliases: ['Nineveh Plain'], lat: 36.4, lon: 43.4, code: 'PLN', country: 'IQ' },
  { name: 'Euphrates', aliases: ['Euphrates River', 'Euphrates valley', 'Euphrates River valley'], lat: 34.5, lon: 40.9, code: 'STM' },
  { name: 'Tigris', aliases: ['Tigris River'], lat: 34.3, lon: 43.9, code: 'STM' },
  { name: 'Nile', aliases: ['Nile River', 'River Nile'], lat: 26.0, lon: 32.5, code: 'STM' },
  { name: 'Caucasus', aliases: ['North Caucasus', 'South Caucasus'], lat: 42.5, lon: 44.5, code: 'RGN' },
  { name: 'Balkans', aliases: ['Western Balkans'], lat: 43.0, lon: 21.0, code: 'RGN' },
  { name: 'Central Asia', lat: 43.0, lon: 65.0, code: 'RGN' },
  { name: 'South Asia', lat: 22.0, lon: 78.0, code: 'RGN' },
  { name: 'Southeast Asia', aliases: ['South-East Asia', 'South East Asia'], lat: 8.0, lon: 110.0, code: 'RGN' },
  { name: 'East Asia', lat: 35.0, lon: 115.0, code: 'RGN' },
  { name: 'Asia-Pacific', aliases: ['Asia Pacific', 'Indo-Pacific'], lat: 10.0, lon: 130.0, code: 'RGN' },
  { name: 'Eastern Europe', lat: 50.0, lon: 28.0, code: 'RGN' },
  { name: 'Western Europe', lat: 48.0, lon: 5.0, code: 'RGN' },
  { name: 'Central Europe', lat: 49.0, lon: 16.0, code: 'RGN' },
  { name: 'Scandinavia', aliases: ['Nordic countries'], lat: 63.0, lon: 15.0, code: 'RGN' },
  { name: 'Latin America', lat: -8.0, lon: -62.0, code: 'RGN' },
  { name: 'Central America', lat: 13.5, lon: -86.5, code: 'RGN' },
  { name: 'Caribbean', lat: 17.0, lon: -70.0, code: 'RGN' },
  { name: 'Americas', lat: 19.0, lon: -80.0, code: 'RGN' },
  { name: 'Arctic', lat: 80.0, lon: 0.0, code: 'RGN' },
  { name: 'Siberia', lat: 60.0, lon: 105.0, code: 'RGN', country: 'RU' },
  { name: 'Kashmir', lat: 34.3, lon: 75.5, code: 'RGN' },
  { name: 'Tibet', lat: 31.0, lon: 88.0, code: 'RGN', country: 'CN' },
  { name: 'Crimea', lat: 45.3, lon: 34.4, code: 'PEN', country: 'UA' },
  { name: 'Donbas', aliases: ['Donbass'], lat: 48.0, lon: 38.0, code: 'RGN', country: 'UA' },
  { name: 'Gaza Strip', lat: 31.42, lon: 34.37, code: 'RGN', country: 'PS' },
  { name: 'West Bank', lat: 31.95, lon: 35.25, code: 'RGN', country: 'PS' },
  { name: 'Golan Heights', aliases: ['Golan'], lat: 33.0, lon: 35.75, code: 'RGN' },
  { name: 'Sinai', aliases: ['Sinai Peninsula'], lat: 29.5, lon: 33.8, code: 'PEN', country: 'EG' },
  { name: 'Midwest', aliases: ['Middle West'], lat: 42.0, lon: -92.0, code: 'RGN', country: 'US' },
  { name: 'New England', lat: 43.5, lon: -71.5, code: 'RGN', country: 'US' },
  { name: 'Pacific Northwest', lat: 45.5, lon: -121.0, code: 'RGN', country: 'US' },
  { name: 'Bay Area', aliases: ['San Francisco Bay Area'], lat: 37.8, lon: -122.3, code: 'RGN', country: 'US' },
  { name: 'Silicon Valley', lat: 37.4, lon: -122.1, code: 'RGN', country: 'US' },
  { name: 'Appalachia', aliases: ['Appalachians', 'Appalachian Mountains'], lat: 38.0, lon: -81.0, code: 'MTS', country: 'US' },
  { name: 'Rocky Mountains', aliases: ['Rockies'], lat: 43.0, lon: -110.0, code: 'MTS' },
  { name: 'Great Lakes', lat: 45.0, lon: -84.0, code: 'LKS' },
  // Seas, oceans and waterways.
  { name: 'Mediterranean', aliases: ['Mediterranean Sea', 'Mediterranean region'], lat: 35.0, lon: 18.0, code: 'SEA' },
  { name: 'Red Sea', lat: 20.0, lon: 38.5, code: 'SEA' },
  { name: 'Black Sea', lat: 43.4, lon: 34.3, code: 'SEA' },
  { name: 'Caspian Sea', aliases: ['Caspian'], lat: 41.7, lon: 50.7, code: 'LK' },
  { name: 'Baltic Sea', aliases: ['Baltic', 'Baltics', 'Baltic states'], lat: 57.0, lon: 20.0, code: 'SEA' },
  { name: 'North Sea', lat: 56.0, lon: 3.0, code: 'SEA' },
  { name: 'South China Sea', lat: 12.0, lon: 113.0, code: 'SEA' },
  { name: 'East China Sea', lat: 29.0, lon: 125.0, code: 'SEA' },
  { name: 'Arabian Sea', lat: 15.0, lon: 65.0, code: 'SEA' },
  { name: 'Gulf of Aden', lat: 12.5, lon: 48.0, code: 'GULF' },
  { name: 'Gulf of Mexico', lat: 25.0, lon: -90.0, code: 'GULF' },
  { name: 'Strait of Hormuz', lat: 26.57, lon: 56.25, code: 'STRT' },
  { name: 'Suez Canal', lat: 30.7, lon: 32.34, code: 'CNL', country: 'EG' },
  { name: 'Atlantic', aliases: ['Atlantic Ocean'], lat: 10.0, lon: -30.0, code: 'OCN' },
  { name: 'Pacific', aliases: ['Pacific Ocean'], lat: 0.0, lon: -160.0, code: 'OCN' },
  { name: 'Indian Ocean', lat: -10.0, lon: 75.0, code: 'OCN' },
  { name: 'Mississippi River', aliases: ['Mississippi River valley'], lat: 35.0, lon: -90.0, code: 'STM', country: 'US' },
  // Landmarks and buildings that stand for institutions.
  { name: 'London Bridge', lat: 51.5079, lon: -0.0877, code: 'BDG', country: 'GB' },
  { name: 'Tower Bridge', lat: 51.5055, lon: -0.0754, code: 'BDG', country: 'GB' },
  { name: 'Westminster Bridge', lat: 51.5008, lon: -0.1217, code: 'BDG', country: 'GB' },
  { name: 'Downing Street', lat: 51.5033, lon: -0.1276, code: 'ST', country: 'GB' },
  { name: 'Trafalgar Square', lat: 51.508, lon: -0.1281, code: 'SQR', country: 'GB' },
  { name: 'Whitehall', lat: 51.5045, lon: -0.1263, code: 'ST', country: 'GB' },
  { name: 'White House', lat: 38.8977, lon: -77.0365, code: 'BLDG', country: 'US' },
  { name: 'Capitol Hill', lat: 38.8899, lon: -77.0091, code: 'PPLX', country: 'US' },
  { name: 'Pentagon', lat: 38.8719, lon: -77.0563, code: 'BLDG', country: 'US' },
  { name: 'Wall Street', lat: 40.7064, lon: -74.0094, code: 'ST', country: 'US' },
  { name: 'Times Square', lat: 40.758, lon: -73.9855, code: 'SQR', country: 'US' },
  { name: 'Ground Zero', lat: 40.7115, lon: -74.0134, code: 'SITE', country: 'US' },
  { name: 'Brooklyn Bridge', lat: 40.7061, lon: -73.9969, code: 'BDG', country: 'US' },
  { name: 'Golden Gate Bridge', lat: 37.8199, lon: -122.4783, code: 'BDG', country: 'US' },
  { name: 'Kremlin', lat: 55.752, lon: 37.6175, code: 'BLDG', country: 'RU' },
  { name: 'Red Square', lat: 55.7539, lon: 37.6208, code: 'SQR', country: 'RU' },
  { name: 'Eiffel Tower', lat: 48.8584, lon: 2.2945, code: 'TOWR', country: 'FR' },
  { name: 'Elysee Palace', aliases: ['Élysée Palace', 'Elysee'], lat: 48.8704, lon: 2.3167, code: 'PAL', country: 'FR' },
  { name: 'Tahrir Square', lat: 30.0444, lon: 31.2357, code: 'SQR', country: 'EG' },
  { name: 'Green Zone', lat: 33.3, lon: 44.39, code: 'AREA', country: 'IQ' },
  { name: 'Temple Mount', lat: 31.7781, lon: 35.2358, code: 'SITE', country: 'IL' },
  { name: 'Heathrow', aliases: ['Heathrow Airport', 'London Heathrow'], lat: 51.4700, lon: -0.4543, code: 'AIRP', country: 'GB' },
  { name: 'Gatwick', aliases: ['Gatwick Airport'], lat: 51.1537, lon: -0.1821, code: 'AIRP', country: 'GB' },
  { name: 'Schiphol', aliases: ['Schiphol Airport', 'Amsterdam Schiphol'], lat: 52.3105, lon: 4.7683, code: 'AIRP', country: 'NL' },
  { name: 'JFK Airport', aliases: ['John F. Kennedy International Airport', 'Kennedy Airport'], lat: 40.6413, lon: -73.7781, code: 'AIRP', country: 'US' },
  { name: "O'Hare", aliases: ["O'Hare International Airport", "O'Hare Airport"], lat: 41.9742, lon: -87.9073, code: 'AIRP', country: 'US' },
  { name: 'Dulles', aliases: ['Dulles Airport', 'Dulles International Airport'], lat: 38.9531, lon: -77.4565, code: 'AIRP', country: 'US' },
  { name: 'Charles de Gaulle Airport', aliases: ['Roissy'], lat: 49.0097, lon: 2.5479, code: 'AIRP', country: 'FR' },
  { name: 'Guantanamo Bay', aliases: ['Guantanamo'], lat: 19.9, lon: -75.1, code: 'BAY', country: 'CU' },
  { name: 'Broadway', lat: 40.759, lon: -73.985, code: 'ST', country: 'US' },
  // English counties: second-level divisions that GeoNames' city file lacks and British news names constantly.
  ...([
    ['Kent', 51.19, 0.73], ['Essex', 51.77, 0.6], ['Surrey', 51.27, -0.34], ['Sussex', 50.93, -0.3], ['Hampshire', 51.06, -1.31],
    ['Yorkshire', 54.0, -1.5], ['Lancashire', 53.8, -2.6], ['Cheshire', 53.2, -2.6], ['Devon', 50.7, -3.8], ['Cornwall', 50.4, -4.9],
    ['Norfolk', 52.6, 1.0], ['Suffolk', 52.2, 1.0], ['Dorset', 50.75, -2.3], ['Somerset', 51.1, -3.0], ['Wiltshire', 51.3, -1.9],
    ['Oxfordshire', 51.8, -1.3], ['Berkshire', 51.45, -1.1], ['Cambridgeshire', 52.3, 0.05], ['Lincolnshire', 53.1, -0.2],
    ['Derbyshire', 53.1, -1.6], ['Nottinghamshire', 53.1, -1.0], ['Leicestershire', 52.7, -1.1], ['Northamptonshire', 52.3, -0.9],
    ['Warwickshire', 52.3, -1.6], ['Staffordshire', 52.8, -2.0], ['Shropshire', 52.6, -2.7], ['Gloucestershire', 51.8, -2.2],
    ['Herefordshire', 52.1, -2.75], ['Worcestershire', 52.2, -2.2], ['Cumbria', 54.6, -2.9], ['Northumberland', 55.2, -2.0],
    ['Hertfordshire', 51.8, -0.2], ['Bedfordshire', 52.0, -0.45], ['Buckinghamshire', 51.8, -0.8], ['Merseyside', 53.4, -2.9],
    ['Greater Manchester', 53.5, -2.3], ['West Midlands', 52.5, -1.9], ['East Anglia', 52.4, 1.0],
  ] as const).map(([name, lat, lon]): ExtraPlace => ({ name, lat, lon, code: 'ADM2', country: 'GB' })),
  { name: 'Vatican', aliases: ['Vatican City', 'Holy See'], lat: 41.90268, lon: 12.45414, code: 'PCLI', country: 'VA', geonameId: 3164670 },
];

/** Short and common names of countries that formal lists spell otherwise. */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States', 'United States of America', 'America'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom'],
  AE: ['UAE', 'U.A.E.', 'United Arab Emirates', 'Emirates'],
  CD: ['DRC', 'DR Congo', 'Democratic Republic of Congo', 'Democratic Republic of the Congo', 'Congo-Kinshasa'],
  CG: ['Republic of Congo', 'Congo-Brazzaville', 'Congo'],
  CI: ['Ivory Coast', "Cote d'Ivoire", 'Côte d’Ivoire'],
  MM: ['Myanmar', 'Burma'],
  NL: ['Netherlands', 'Holland'],
  KR: ['South Korea', 'Korea', 'Republic of Korea'],
  KP: ['North Korea', 'DPRK'],
  RU: ['Russia', 'Russian Federation'],
  SY: ['Syria'],
  IR: ['Iran', 'Persia'],
  CZ: ['Czech Republic', 'Czechia'],
  PS: ['Palestine', 'Palestinian Territories', 'Palestinian territories', 'occupied Palestinian territories'],
  TW: ['Taiwan'],
  VN: ['Vietnam', 'Viet Nam'],
  LA: ['Laos'],
  MK: ['Macedonia', 'North Macedonia'],
  SZ: ['Swaziland', 'Eswatini'],
  TL: ['East Timor', 'Timor-Leste'],
  CV: ['Cape Verde', 'Cabo Verde'],
  BO: ['Bolivia'],
  VE: ['Venezuela'],
  TZ: ['Tanzania'],
  MD: ['Moldova'],
  BA: ['Bosnia', 'Bosnia and Herzegovina', 'Bosnia-Herzegovina'],
  GM: ['Gambia', 'The Gambia'],
  BS: ['Bahamas', 'The Bahamas'],
  LY: ['Libya'],
  KG: ['Kyrgyzstan'],
  BN: ['Brunei'],
  SK: ['Slovakia'],
  TR: ['Turkey', 'Türkiye', 'Turkiye'],
  PH: ['Philippines', 'The Philippines'],
  VA: ['Vatican'],
  IE: ['Ireland', 'Republic of Ireland', 'Eire', 'Éire'],
  TT: ['Trinidad and Tobago', 'Trinidad & Tobago', 'T&T'],
  KN: ['Saint Kitts and Nevis', 'St Kitts and Nevis', 'St. Kitts and Nevis'],
  VC: ['Saint Vincent and the Grenadines', 'St Vincent and the Grenadines'],
  LC: ['Saint Lucia', 'St Lucia', 'St. Lucia'],
  ST: ['São Tomé and Príncipe', 'Sao Tome and Principe'],
  FM: ['Micronesia', 'Federated States of Micronesia'],
};

/**
 * GeoNames' country points where the generic country-centre list differs by more than a
 * few tens of kilometres (large countries, or GeoNames placing the point on the capital).
 */
export const COUNTRY_POINTS: Readonly<Record<string, readonly [number, number]>> = {
  US: [39.76, -98.5],
  CA: [60.10867, -113.64258],
  AU: [-25.0, 135.0],
  IN: [22.0, 79.0],
  GB: [54.75844, -2.69531],
  JP: [35.68536, 139.75309],
  DE: [51.5, 10.5],
  AF: [33.0, 66.0],
  NZ: [-42.0, 174.0],
  KR: [36.5, 127.75],
  AE: [23.75, 54.5],
  CO: [4.0, -73.25],
  XK: [42.58333, 21.0],
  LY: [28.0, 17.0],
  VN: [16.16667, 107.83333],
};

/**
 * Abbreviations of first-level divisions, used only right after "Town, " ("Helena, Mont.",
 * "Nelson, BC"), where they cannot be words. Keys are GeoNames admin1 codes.
 */
export const ADMIN1_ABBREVIATIONS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  US: {
    AL: ['Ala.', 'AL'], AK: ['Alaska', 'AK'], AZ: ['Ariz.', 'AZ'], AR: ['Ark.', 'AR'], CA: ['Calif.', 'Cal.', 'CA'],
    CO: ['Colo.', 'CO'], CT: ['Conn.', 'CT'], DE: ['Del.', 'DE'], DC: ['D.C.', 'DC'], FL: ['Fla.', 'FL'], GA: ['Ga.', 'GA'],
    HI: ['HI'], ID: ['ID'], IL: ['Ill.', 'IL'], IN: ['Ind.', 'IN'], IA: ['IA'], KS: ['Kan.', 'Kans.', 'KS'],
    KY: ['Ky.', 'KY'], LA: ['La.', 'LA'], ME: ['ME'], MD: ['Md.', 'MD'], MA: ['Mass.', 'MA'], MI: ['Mich.', 'MI'],
    MN: ['Minn.', 'MN'], MS: ['Miss.', 'MS'], MO: ['Mo.', 'MO'], MT: ['Mont.', 'MT'], NE: ['Neb.', 'Nebr.', 'NE'],
    NV: ['Nev.', 'NV'], NH: ['N.H.', 'NH'], NJ: ['N.J.', 'NJ'], NM: ['N.M.', 'NM'], NY: ['N.Y.', 'NY'], NC: ['N.C.', 'NC'],
    ND: ['N.D.', 'ND'], OH: ['OH'], OK: ['Okla.', 'OK'], OR: ['Ore.', 'Oreg.', 'OR'], PA: ['Pa.', 'Penn.', 'PA'],
    RI: ['R.I.', 'RI'], SC: ['S.C.', 'SC'], SD: ['S.D.', 'SD'], TN: ['Tenn.', 'TN'], TX: ['Tex.', 'TX'], UT: ['UT'],
    VT: ['Vt.', 'VT'], VA: ['Va.', 'VA'], WA: ['Wash.', 'WA'], WV: ['W.Va.', 'W. Va.', 'WV'], WI: ['Wis.', 'Wisc.', 'WI'],
    WY: ['Wyo.', 'WY'],
  },
  CA: {
    '01': ['Alta.', 'AB'], '02': ['B.C.', 'BC'], '03': ['Man.', 'MB'], '04': ['N.B.', 'NB'], '05': ['NL', 'Nfld.'],
    '07': ['N.S.', 'NS'], '08': ['Ont.', 'ON'], '09': ['P.E.I.', 'PEI', 'PE'], '10': ['Que.', 'QC'], '11': ['Sask.', 'SK'],
  },
  AU: { '01': ['ACT'], '02': ['NSW'], '03': ['NT'], '04': ['Qld', 'QLD'], '05': ['SA'], '06': ['Tas.', 'TAS'], '07': ['Vic.', 'VIC'], '08': ['WA'] },
};

/** Countries the ISO list lacks. */
export const EXTRA_COUNTRIES: readonly { code: string; name: string; geonameId: number }[] = [
  { code: 'XK', name: 'Kosovo', geonameId: 831053 },
];

/** Nationality adjectives whose country a prefix match cannot find ("British" -> GB). */
export const IRREGULAR_DEMONYMS: Readonly<Record<string, string>> = {
  british: 'GB', english: 'GB', welsh: 'GB', scottish: 'GB', scots: 'GB', french: 'FR', dutch: 'NL', swiss: 'CH',
  irish: 'IE', danish: 'DK', swedish: 'SE', finnish: 'FI', polish: 'PL', spanish: 'ES', greek: 'GR',
  filipino: 'PH', philippine: 'PH', emirati: 'AE', salvadoran: 'SV', salvadorean: 'SV', american: 'US',
  korean: 'KR', kurdish: 'IQ', kurd: 'IQ', kurds: 'IQ', yazidi: 'IQ', israeli: 'IL', palestinian: 'PS',
  saudi: 'SA', bahraini: 'BH', burmese: 'MM', lao: 'LA', icelandic: 'IS', cypriot: 'CY', argentine: 'AR',
  kiwi: 'NZ', aussie: 'AU', slovak: 'SK', czech: 'CZ', bosnian: 'BA', croat: 'HR', serb: 'RS', turkish: 'TR',
  afghan: 'AF', pakistani: 'PK', bangladeshi: 'BD', malagasy: 'MG', monegasque: 'MC', luxembourgish: 'LU',
  soviet: 'RU', german: 'DE', germans: 'DE', persian: 'IR', arab: '', african: '', european: '', asian: '', western: '', latino: '', hispanic: '',
};
