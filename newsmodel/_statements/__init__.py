"""Private implementation of :mod:`newsmodel.statements`."""
