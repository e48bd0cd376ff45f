"""The front ends: they turn input into engine calls and render the `Reply`; they never normalise,
split or match text themselves."""
