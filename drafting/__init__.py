"""Drafting the rules of a new policy document, and their review by a person.

Outside the bot's Rasa-free core: it uses only bot's public API (bot.rules'
loader and checks, the gazetteer, the engine) and parses rules/ once through it.

segment   the document's own hierarchy -> articles, parts, headings, left-out spans
cover     title, issuers, number and dates wherever the cover prints them
vocab     the closed vocabularies read from rules/ (groups, gender, tech, needs, audiences, agencies)
reading   who acts and who benefits in a sentence: the offer frames and their beneficiary
          (frames, topic_frames, named_frames), its head and kind (beneficiary), who acts (subjects),
          and why a sentence is none whatever its frame (not_offers)
agencies  responsibility brackets and acting subjects -> agency ids or proposals
functions who acts by function (a national text): the words of rules/functions.yml in the unit
          a sentence or bracket names, the text's own article on responsibility, the matter
writer    the draft file (rules format + spans, reasons, review items)
check     validation of draft files, as strict as for active rules
session   the review's operations: edit, check, accept (rules + cases, rolled back on failure),
          reject, merge, split, add; used by the staff console's page and the terminal
cases     situation cases written from the reviewed conditions, run before they are kept
review    the terminal flow; commands: `python -m drafting draft | review | check`
No model and no network: everything is read from the text and rules/.
"""
