/**
 * Name tables faker's `en_IN` lacks (`domain/identities.md`: no Yadav, Srivastava, Tiwari, Maurya, Ansari,
 * Kumar, Chauhan). Weights are an assumption: common UP surnames first; a Muslim surname (~19% of UP's
 * population, Census 2011) is paired with a first name from the Muslim tables below.
 */
export const upHinduSurnames: readonly string[] = [
  'Yadav', 'Srivastava', 'Tiwari', 'Maurya', 'Kumar', 'Chauhan', 'Singh', 'Verma', 'Gupta', 'Mishra', 'Pandey',
  'Shukla', 'Dubey', 'Tripathi', 'Dwivedi', 'Chaturvedi', 'Awasthi', 'Bajpai', 'Agnihotri', 'Saxena', 'Rastogi',
  'Nigam', 'Jaiswal', 'Kushwaha', 'Rajput', 'Prajapati', 'Nishad', 'Pal', 'Kashyap', 'Rawat', 'Gautam', 'Sonkar',
  'Rathore', 'Lodhi', 'Sharma', 'Agarwal', 'Bansal', 'Mittal', 'Tyagi', 'Chaudhary', 'Thakur', 'Dixit', 'Katiyar',
  'Sachan', 'Rai', 'Upadhyay', 'Ojha', 'Bhardwaj', 'Kanaujia', 'Rajbhar', 'Saini', 'Baghel', 'Kannaujiya', 'Sahu',
];

export const upMuslimSurnames: readonly string[] = [
  'Ansari', 'Khan', 'Siddiqui', 'Qureshi', 'Rizvi', 'Naqvi', 'Zaidi', 'Abbasi', 'Usmani', 'Farooqui', 'Hashmi',
  'Malik', 'Saifi', 'Mansoori', 'Idrisi', 'Alvi',
];

export const muslimMaleNames: readonly string[] = [
  'Mohammad', 'Imran', 'Salman', 'Arif', 'Asif', 'Faisal', 'Irfan', 'Javed', 'Nadeem', 'Rashid', 'Sajid', 'Shahid',
  'Tariq', 'Wasim', 'Zeeshan', 'Aamir', 'Danish', 'Farhan', 'Kamran', 'Naseem', 'Rizwan', 'Sohail', 'Yusuf', 'Anwar',
];

export const muslimFemaleNames: readonly string[] = [
  'Ayesha', 'Fatima', 'Nazia', 'Rukhsana', 'Shabana', 'Shaheen', 'Sana', 'Nasreen', 'Farah', 'Zainab', 'Rehana',
  'Saba', 'Tabassum', 'Yasmin', 'Afreen', 'Heena', 'Noor', 'Parveen', 'Rubina', 'Shazia',
];

/** Share of patients with a Muslim name: ~19% of UP (Census 2011), an assumption for a hospital's catchment. */
export const muslimNameShare = 0.19;
/** Share of the other patients whose surname comes from faker's `en_IN` list rather than the UP table (assumption). */
export const fakerSurnameShare = 0.2;
