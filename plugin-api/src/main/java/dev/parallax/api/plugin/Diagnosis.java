package dev.parallax.api.plugin;

import java.util.List;

/**
 * What is wrong with a bundle, if anything.
 *
 * @param bundleId the bundle's id
 * @param bundle its symbolic name and version
 * @param state its state: INSTALLED, RESOLVED, STARTING, ACTIVE, STOPPING or UNINSTALLED
 * @param problems the requirements nothing in the framework satisfies
 * @param rejections why the registry refused the plugins this bundle registered
 */
public record Diagnosis(
        long bundleId, String bundle, String state, List<Problem> problems, List<Rejection> rejections) {

    /**
     * A requirement that nothing satisfies.
     *
     * @param requirement what the bundle requires, in words
     * @param available what the framework has instead, in words ("nothing" if nothing comes close)
     * @param fix what to change
     */
    public record Problem(String requirement, String available, String fix) {}

    /** Copies the lists. */
    public Diagnosis {
        problems = List.copyOf(problems);
        rejections = List.copyOf(rejections);
    }

    /** Tells whether the bundle has neither an unsatisfied requirement nor a rejected plugin. */
    public boolean healthy() {
        return problems.isEmpty() && rejections.isEmpty();
    }

    /** The diagnosis as a few lines of text, for a terminal or a log. */
    public String render() {
        StringBuilder text = new StringBuilder()
                .append("Bundle ")
                .append(bundleId)
                .append(' ')
                .append(bundle)
                .append(" is ")
                .append(state);
        if (healthy()) {
            return text.append(": no problem found.").toString();
        }
        if (!problems.isEmpty()) {
            text.append(" and cannot resolve: ")
                    .append(problems.size())
                    .append(problems.size() == 1 ? " requirement" : " requirements")
                    .append(" not met.");
        }
        for (Problem problem : problems) {
            text.append("\n  requires:  ").append(problem.requirement());
            text.append("\n  available: ").append(problem.available());
            text.append("\n  fix:       ").append(problem.fix());
        }
        for (Rejection rejection : rejections) {
            text.append("\n  rejected:  ").append(rejection.reason());
            text.append("\n  fix:       ").append(rejection.fix());
        }
        return text.toString();
    }
}
