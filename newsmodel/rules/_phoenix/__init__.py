"""The Phoenix dictionaries behind the facade :mod:`newsmodel.rules.phoenix`.

- ``records``: :class:`~newsmodel.rules.phoenix.Role`, ``Entry``, ``Agent``, ``Skipped`` and the
  ``ActorDictionary`` they make up;
- ``codes``: what a CAMEO code says (country, sector) and the kind of actor an entry's roles make;
- ``reader``: the Phoenix text format (:func:`~newsmodel.rules.phoenix.parse_phoenix`,
  :func:`~newsmodel.rules.phoenix.load_phoenix`);
- ``compiled``: the compiled form shipped in ``phoenix_data`` and
  :func:`~newsmodel.rules.phoenix.shipped_phoenix`.
"""
