"""创业扶持政策助手: the domain core (rules, engine, explanations) used by the
CLI, the Rasa action server and the channels."""
