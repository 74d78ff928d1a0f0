package org.probono.clearinghouse.local.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.local.backend.Template;

/** Every function of template.yaml, by logical id, hosted in this JVM. */
final class Functions {
    private final Map<String, HostedFunction> byId;

    private Functions(Map<String, HostedFunction> byId) {
        this.byId = byId;
    }

    /** Creates each handler once; the functions' configuration must already be installed. */
    static Functions load(Template template) {
        Log.forgetStarts(); // new handler instances are new containers: their first invocations are cold starts
        Map<String, HostedFunction> byId = new LinkedHashMap<>();
        for (Template.Function function : template.functions())
            byId.put(function.logicalId(), HostedFunction.load(function));
        return new Functions(byId);
    }

    Optional<HostedFunction> find(String logicalId) {
        return Optional.ofNullable(byId.get(logicalId));
    }

    HostedFunction get(String logicalId) {
        return find(logicalId).orElseThrow(() -> new StartFailure("template.yaml has no function " + logicalId + "."));
    }

    Set<String> ids() {
        return byId.keySet();
    }
}
