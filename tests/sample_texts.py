"""Short documents written for the CLI and plugin tests (shared so they stay in step)."""

# One document with a claim-level error and a granularity warning...
HARBOUR = (
    "Harbour report\n"
    "\n"
    "The port authority said its crews had repaired 75 of the 50 damaged cranes by Friday.\n"
    "\n"
    "At the fish market, 45% of the 7 traders said prices had doubled.\n"
)
# ...one clean one, and two that disagree about the same flood.
FERRY = "The ferry carried 212 passengers across the bay on Monday.\n"
FLOOD_A = "The river flooded 1,200 homes in Tarville in 2019, the council said.\n"
FLOOD_B = "In 2019 floods hit 300 homes in Tarville, the council said.\n"
# A reference table for the flood.
SURVEY = "subject,measure,value,unit,source\nTarville,flooded homes,310,count,Tarville flood survey\n"
