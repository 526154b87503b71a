package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.pipeline.Source;
import dev.parallax.core.internal.pipeline.Plan;
import dev.parallax.core.internal.pipeline.PlanLink;
import dev.parallax.core.internal.pipeline.PlanNode;
import dev.parallax.core.internal.pipeline.flow.QueueElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A plan cut into threads: every element as a {@link Node}, every link as a {@link Port}, and the {@link Chain}s
 * of elements that one thread runs by direct calls.
 *
 * <p>A thread boundary (a {@link Channel}) goes only before a {@link QueueElement}, which sizes it, and before an
 * element with several inputs; every other link is a direct call.
 *
 * @param nodes the elements, in plan order
 * @param chains one per thread, each headed by a source, a queue or an element with several inputs
 */
record Topology(List<Node> nodes, List<Chain> chains) {
    /**
     * Cuts {@code plan} into threads.
     *
     * @param joinCapacity the size of the channels before an element with several inputs
     * @throws IllegalArgumentException if a pad is linked twice or not at all, a link goes backwards, or an element
     *     without inputs is not a {@link Source}, naming the element and the pad
     */
    static Topology of(Plan plan, Run run, FactoryRefs refs, int joinCapacity) {
        List<PlanNode> planned = plan.nodes();
        int count = planned.size();
        List<List<PlanLink>> incoming = new ArrayList<>();
        List<List<PlanLink>> outgoing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            incoming.add(new ArrayList<>());
            outgoing.add(new ArrayList<>());
        }
        for (PlanLink link : plan.links()) {
            if (link.from() < 0 || link.to() >= count || link.from() >= link.to()) {
                throw new IllegalArgumentException("Pipeline '" + plan.name() + "' link " + link
                        + " does not go from an element to a later one of its " + count + " elements");
            }
            incoming.get(link.to()).add(link);
            outgoing.get(link.from()).add(link);
        }
        List<Node> nodes = new ArrayList<>();
        boolean[] heads = new boolean[count];
        for (int i = 0; i < count; i++) {
            PlanNode node = planned.get(i);
            incoming.get(i).sort(Comparator.comparingInt(PlanLink::input));
            outgoing.get(i).sort(Comparator.comparingInt(PlanLink::output));
            checkPads(
                    plan,
                    node,
                    "input",
                    incoming.get(i).stream().mapToInt(PlanLink::input).toArray(),
                    node.inputs().size());
            checkPads(
                    plan,
                    node,
                    "output",
                    outgoing.get(i).stream().mapToInt(PlanLink::output).toArray(),
                    node.outputs().size());
            boolean source = node.element() instanceof Source;
            if (source != incoming.get(i).isEmpty()) {
                throw new IllegalArgumentException("Element '" + node.name() + "' of pipeline '" + plan.name() + "' "
                        + (source ? "is a source but has linked inputs" : "has no linked input but is not a source"));
            }
            heads[i] = source
                    || node.element() instanceof QueueElement
                    || incoming.get(i).size() > 1;
            nodes.add(new Node(node, run, refs));
        }
        planned.forEach(node -> refs.acquire(node.factory()));

        Inbox[] inboxes = new Inbox[count];
        Channel[][] channels = new Channel[count][];
        for (int i = 0; i < count; i++) {
            if (heads[i] && !incoming.get(i).isEmpty()) {
                inboxes[i] = new Inbox();
                int capacity = planned.get(i).element() instanceof QueueElement queue ? queue.capacity() : joinCapacity;
                List<Channel> feeding = new ArrayList<>();
                for (PlanLink link : incoming.get(i)) {
                    feeding.add(
                            new Channel(planned.get(i).name() + " input " + link.input(), capacity, inboxes[i], run));
                }
                inboxes[i].feedFrom(feeding);
                channels[i] = feeding.toArray(Channel[]::new);
            }
        }

        int[] chainOf = new int[count];
        List<List<Node>> members = new ArrayList<>();
        List<List<Channel>> outbound = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (heads[i]) {
                chainOf[i] = members.size();
                members.add(new ArrayList<>());
                outbound.add(new ArrayList<>());
            } else {
                chainOf[i] = chainOf[incoming.get(i).getFirst().from()];
            }
            members.get(chainOf[i]).add(nodes.get(i));
            List<Port> ports = new ArrayList<>();
            for (PlanLink link : outgoing.get(i)) {
                int to = link.to();
                if (heads[to]) {
                    Channel channel = channels[to][incoming.get(to).indexOf(link)];
                    ports.add(new Port.Hop(channel));
                    outbound.get(chainOf[i]).add(channel);
                } else {
                    ports.add(new Port.Direct(nodes.get(to), link.input()));
                }
            }
            nodes.get(i).connect(NodeOutput.of(nodes.get(i), ports));
        }

        List<Chain> chains = new ArrayList<>();
        for (int c = 0; c < members.size(); c++) {
            int head = nodes.indexOf(members.get(c).getFirst());
            int[] pads = incoming.get(head).stream().mapToInt(PlanLink::input).toArray();
            chains.add(new Chain(run, members.get(c), inboxes[head], pads, outbound.get(c)));
        }
        return new Topology(List.copyOf(nodes), List.copyOf(chains));
    }

    private static void checkPads(Plan plan, PlanNode node, String direction, int[] linked, int negotiated) {
        for (int pad = 0; pad < Math.max(linked.length, negotiated); pad++) {
            if (pad >= linked.length || linked[pad] != pad || linked.length != negotiated) {
                throw new IllegalArgumentException(
                        "Element '" + node.name() + "' of pipeline '" + plan.name() + "' has "
                                + negotiated + " negotiated " + direction + " pads but links " + direction + " pads "
                                + Arrays.toString(linked) + ": link each pad from 0 exactly once");
            }
        }
    }
}
