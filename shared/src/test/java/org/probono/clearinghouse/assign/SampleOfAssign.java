package org.probono.clearinghouse.assign;

/** Stands for one of AssignFunction's classes in LayersTest (shared's tests cannot see the real ones). */
public final class SampleOfAssign {}
