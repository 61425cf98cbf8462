"""Private implementation of the event stage: the lexicon loader and the coder.

The public face is :mod:`newsmodel.events`; nothing here is part of the API.
"""
