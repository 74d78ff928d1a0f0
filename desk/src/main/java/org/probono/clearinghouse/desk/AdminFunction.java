package org.probono.clearinghouse.desk;

/** The functions that take admin commands: the template's logical id and the stack output naming it. */
enum AdminFunction {
    REGISTER("RegisterFunction"),
    ASSIGN("AssignFunction"),
    NOTIFY("NotifyFunction");

    final String logicalId;

    AdminFunction(String logicalId) {
        this.logicalId = logicalId;
    }

    /** template.yaml's Outputs: {@code <LogicalId>Name}. */
    String stackOutput() {
        return logicalId + "Name";
    }
}
