/**
 * Uttar Pradesh: 75 districts in 18 divisions [51] (`domain/identities.md`), each with the PIN range its post
 * offices use. Only the 20-28 prefix (UP postal circle [49]) is a contract; the per-district ranges are an
 * assumption built from India Post's head-office prefixes (e.g. Lucknow 226, Kanpur 208, Agra 282) so that
 * a district and its PIN agree. Every range stays inside 200000-289999.
 */
export interface UpDistrict {
  name: string;
  division: string;
  /** Inclusive PIN range, both 6 digits starting 20-28. */
  pinMin: number;
  pinMax: number;
}

type Row = readonly [name: string, pinMin: number, pinMax: number];

/** Division -> its districts with PIN ranges [51] [49]. */
const byDivision: Record<string, readonly Row[]> = {
  Agra: [['Agra', 282001, 283126], ['Firozabad', 283203, 283205], ['Mainpuri', 205001, 205267], ['Mathura', 281001, 281504]],
  Aligarh: [['Aligarh', 202001, 202170], ['Etah', 207001, 207302], ['Hathras', 204101, 204216], ['Kasganj', 207123, 207125]],
  Prayagraj: [['Prayagraj', 211001, 212507], ['Fatehpur', 212601, 212665], ['Kaushambi', 212201, 212218], ['Pratapgarh', 230001, 230503]],
  Azamgarh: [['Azamgarh', 276001, 276305], ['Ballia', 277001, 277506], ['Mau', 275101, 275307]],
  Bareilly: [['Bareilly', 243001, 243503], ['Budaun', 243601, 243751], ['Pilibhit', 262001, 262203], ['Shahjahanpur', 242001, 242407]],
  Basti: [['Basti', 272001, 272194], ['Sant Kabir Nagar', 272175, 272271], ['Siddharthnagar', 272189, 272207]],
  Chitrakoot: [['Banda', 210001, 210203], ['Chitrakoot', 210204, 210209], ['Hamirpur', 210301, 210507], ['Mahoba', 210427, 210433]],
  Devipatan: [['Bahraich', 271801, 271904], ['Balrampur', 271201, 271210], ['Gonda', 271001, 271504], ['Shravasti', 271831, 271845]],
  Ayodhya: [
    ['Ambedkar Nagar', 224122, 224238], ['Amethi', 227405, 227413], ['Barabanki', 225001, 225415], ['Ayodhya', 224001, 224208],
    ['Sultanpur', 227304, 228172],
  ],
  Gorakhpur: [['Deoria', 274001, 274704], ['Gorakhpur', 273001, 273413], ['Kushinagar', 274301, 274409], ['Maharajganj', 273151, 273311]],
  Jhansi: [['Jhansi', 284001, 284306], ['Jalaun', 285001, 285206], ['Lalitpur', 284401, 284406]],
  Kanpur: [
    ['Auraiya', 206121, 206255], ['Etawah', 206001, 206253], ['Farrukhabad', 209601, 209749], ['Kannauj', 209720, 209738],
    ['Kanpur Dehat', 209101, 209312], ['Kanpur Nagar', 208001, 209217],
  ],
  Lucknow: [
    ['Hardoi', 241001, 241407], ['Lakhimpur Kheri', 262701, 262908], ['Lucknow', 226001, 227308], ['Raebareli', 229001, 229802],
    ['Sitapur', 261001, 261506], ['Unnao', 209801, 209881],
  ],
  Meerut: [
    ['Baghpat', 250601, 250626], ['Bulandshahr', 203001, 203412], ['Gautam Buddh Nagar', 201301, 203209], ['Ghaziabad', 201001, 201206],
    ['Hapur', 245101, 245304], ['Meerut', 250001, 250502],
  ],
  Mirzapur: [['Mirzapur', 231001, 231313], ['Sant Ravidas Nagar (Bhadohi)', 221401, 221409], ['Sonbhadra', 231205, 231226]],
  Moradabad: [['Amroha', 244221, 244242], ['Bijnor', 246701, 246764], ['Moradabad', 244001, 244504], ['Rampur', 244901, 244928], ['Sambhal', 244302, 244412]],
  Saharanpur: [['Muzaffarnagar', 251001, 251319], ['Saharanpur', 247001, 247669], ['Shamli', 247774, 247778]],
  Varanasi: [['Chandauli', 232101, 232120], ['Ghazipur', 233001, 233311], ['Jaunpur', 222001, 223105], ['Varanasi', 221001, 221405]],
};

/** All 75 districts, in the order of the list in identities.md [51]. */
export const upDistricts: readonly UpDistrict[] = Object.entries(byDivision).flatMap(([division, rows]) =>
  rows.map(([name, pinMin, pinMax]) => ({ name, division, pinMin, pinMax })),
);
