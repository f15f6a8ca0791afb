"""Short timed routines, their dosing, and the guided session that runs one."""
