"""Implementation of the actor stage; the public name is :class:`newsmodel.actors.ActorFinder`."""
