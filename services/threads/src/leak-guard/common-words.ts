/**
 * Words that say nothing about what a passage is about, in English and Dutch: function words and the
 * stock vocabulary of support replies, in their comparable form (lower case, no accents). A run of
 * words from an internal note counts as repeated only when enough of its words are not in here, so
 * "thank you for your patience, let me know if" shared by a note and a reply is no leak.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `
  a about above after again against all already also am an and any anyone anything are as at away back
  be because been before being below best between both but by can cannot could d did didn do does
  doesn doing don done down during each either else even ever every few first for from further get
  gets getting go goes going gone got had has have having he her here hers herself him himself his how
  i if in into is isn it its itself just last least less let ll m many may me might more most much
  must my myself near need needs never new next no nor not now of off often old on once one only or
  other others our ours ourselves out over own per quite rather re really s same shall she should
  since so some something soon still such sure t than that the their theirs them themselves then there
  these they thing things this those though through thus to today tomorrow too two under until up
  upon us ve very via want wants was wasn way we well were what when where whether which while who
  whom whose why will with within without won would yes yesterday yet you your yours yourself
  yourselves

  advice again answer answered answers apologies apologise apologize appreciate appreciated asap
  assist assistance attached available bear business call called case cheers check checked checking
  come comes contact day days dear details email everything feel fine fix fixed follow following free
  glad good great happy hear hello help helped helpful helps hey hi hope hoping hour hours info
  information inconvenience issue issues keep kind kindly know let look looked looking mail make
  meantime message minute minutes moment morning afternoon evening nice note ok okay patience please
  possible problem problems question questions reach regards reply replied request resolved right see
  send sent soon sorry support take team thank thanks ticket time times touch try trying understand
  understanding update updated updates wait waiting week weeks welcome wonderful work working
  worked works wrote

  aan af al alle alleen alles als altijd ander andere anders ben bent bij binnen daar daarna daarom dan
  dat de deze die dit door dus een eens en er erg even geen haar had hadden heb hebben hebt heeft hem
  hen het hier hij hoe hoi hun ieder iedere iemand iets ik in is ja je jij jou jouw jullie kan kon
  kunnen kunt maar me meer meest men met mij mijn moet moeten mogelijk na naar nee niet niets nog nu of
  om omdat onder ons onze ook op over te tegen toch toen tot tussen u uit uw van vanaf veel voor vooral
  waar waarom wanneer want waren was wat we wel welke werd wie wij wil willen wilt worden wordt zal ze
  zelf zich zij zijn zo zonder zou zouden zullen zult

  alvast bedankt begrip bekijken bericht beste bellen check contact controleren dag dagen dank
  dankjewel dankuwel excuses fijn gaan gaat gedaan geduld gegeven gekeken gekregen geven gerust
  goedemiddag goedemorgen goedenavond goed graag groet groeten hallo helaas help helpen hulp informatie
  kijken klantenservice komen komt krijgen laat laten maken mail melden minuten moment momenteel
  neem nemen ongemak opgelost opnemen prima probleem problemen snel spoedig staat staan sturen stuur
  succes team uur uren vandaag vraag vragen vriendelijke week weken weten zien ziet
  `
    .split(/\s+/)
    .filter(Boolean),
);
