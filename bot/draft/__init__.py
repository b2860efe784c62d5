"""Drafting the rules of a new policy document for staff review (issue 18).

segment  — the document's own numbering -> articles, sentences, brackets (char and byte offsets)
vocab    — the closed vocabularies read from rules/ (groups, gender, tech, needs, audiences, agencies, places)
extract  — what a sentence says under those vocabularies, and what it says outside them (review items)
writer   — the draft measures file (rules format, every measure `status: draft`) and its sources.yml entry
check    — validation of draft files, as strict as for active rules
review   — the terminal flow that accepts drafts into rules/measures/<doc>.yml
No model and no network: everything is read from the text and rules/.
"""
