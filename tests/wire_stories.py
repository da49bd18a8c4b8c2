"""Three reports of one ram raid: an agency story, a paper that prints four of its sentences word
for word among its own, and a report told in its own words (wire copy, issue 18)."""

WIRE = [
    "Four men rammed a stolen car into a jewellery store in central Lyon before dawn on Monday, a police source said.",
    "The men grabbed watches and rings worth an estimated three million euros and fled in a second vehicle.",
    "They set fire to the rammed car in a side street, and firefighters put out the blaze within minutes.",
    "No one was hurt in the raid, which lasted less than five minutes according to the police source.",
    "The store, which sells Swiss watches, had been robbed in a similar way two years earlier.",
    "Detectives are studying footage from cameras along the street to trace the second vehicle.",
]
AGENCY = "Thieves ram Lyon jeweller\n\n" + "\n\n".join(" ".join(WIRE[i:i + 2]) for i in range(0, len(WIRE), 2)) + """

The raid is the latest in a string of robberies of luxury shops in French cities this year.

Jewellers' associations have asked the interior ministry for more patrols in shopping streets at night."""
PAPER = f"""Ram raid at Lyon jeweller

Shopkeepers on the Rue de la République woke to broken glass and the smell of smoke on Monday.

{WIRE[1]} {WIRE[0]}

"We heard a crash and then an engine," said a baker who opens at four. "By the time I looked out they were gone."

{WIRE[3]}

The owner, who did not want to be named, said insurers would cover most of the loss.

{WIRE[2]} The city's mayor called for more cameras in the old town.
"""
OTHER = """Lyon jeweller hit by ram raiders

A gang drove a car through the front window of a watch shop in Lyon early on Monday and escaped with jewels.

Police put the value of the stolen goods at about three million euros and said nobody was injured.

Witnesses described a second car waiting at the corner, which the gang used to get away.

The abandoned vehicle was found burning nearby, according to firefighters.
"""
