/** The seed article as the product was specified from it: every sentence must reach the page. */
export const SEED_PATH = "/world/us-pressing-mexico-to-allow-us-forces-to-fight-cartels";

export const SEED = {
  headline: "US pressing Mexico to allow US forces to fight cartels, NYT reports",
  standfirst:
    'The US President says drug cartels are "running Mexico" and wants to clamp down on fentanyl labs with military force.',
  caption:
    "Jonathan Dumke, a senior forensic chemist with the Drug Enforcement Administration, holds vials of fentanyl pills at a DEA research laboratory on Tuesday, Apr 29, 2025, in Northern Virginia.",
  credit: "(Photo: AP/Mark Schiefelbein)",
  source: "Source: Reuters/fs",
  paragraphs: [
    "WASHINGTON: The United States is intensifying pressure on Mexico to allow US military forces to conduct joint operations to dismantle fentanyl labs inside the country, the New York Times reported on Thursday (Jan 15), citing US officials.",
    "US officials want American forces, either Special Operations troops or CIA officers, to accompany Mexican soldiers on raids on suspected fentanyl labs, the report said, citing multiple unnamed officials.",
    '"On the campaign trail, President Trump pledged to take on the cartels," a White House official told Reuters, adding that Trump has "left all options on the table" to stop drugs from entering the country.',
    "US President Donald Trump told Fox News last week that cartels were running Mexico and suggested the US could strike land targets to combat them, in one of a series of threats to deploy US military force against drug cartels.",
    'Mexican President Claudia Sheinbaum said this week that she ruled out a US military intervention to combat drug cartels following a "good conversation" with Trump on security and drug trafficking.',
    "The US request to Mexico to use US forces was renewed after Washington's forces captured Venezuelan President Nicolas Maduro in a raid on Jan 3, the New York Times reported.",
    "Sheinbaum has previously declined offers of military action from Trump.",
    "Reuters could not immediately verify the New York Times report. Mexico's Foreign Ministry did not immediately respond to a Reuters request for comment outside regular business hours.",
  ],
};
