"""Private machinery of :mod:`newsmodel.times`: calendar arithmetic, rule loading, resolvers."""
