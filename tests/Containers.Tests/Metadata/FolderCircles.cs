namespace Containers.Tests.Metadata
{
    /// <summary>
    /// The circles among an assembly's namespaces: groups in which every namespace reaches every other through uses
    /// (strongly connected components), each named by one shortest round trip with a witness for every step.
    /// </summary>
    public static class FolderCircles
    {
        /// <summary>One line per circle: its namespaces, then a round trip through them, then every use inside it.</summary>
        public static IReadOnlyList<string> Find(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> uses)
        {
            var circles = new List<string>();
            foreach (List<string> group in Components(uses).Where(group => group.Count > 1))
            {
                var members = new HashSet<string>(group, StringComparer.Ordinal);
                string start = group.Min(StringComparer.Ordinal)!;
                List<string> trip = RoundTrip(uses, members, start);
                IEnumerable<string> steps = trip.Zip(trip.Skip(1), (from, to) => $"{from} -> {to} ({uses[from][to]})");
                IEnumerable<string> inside = group.OrderBy(name => name, StringComparer.Ordinal)
                    .SelectMany(from => uses[from].Where(use => members.Contains(use.Key)).Select(use => $"    {from} -> {use.Key}: {use.Value}"));
                circles.Add($"{string.Join(" <-> ", group.OrderBy(name => name, StringComparer.Ordinal))}{Environment.NewLine}"
                    + $"  round trip: {string.Join(", ", steps)}{Environment.NewLine}"
                    + $"  uses inside the circle:{Environment.NewLine}{string.Join(Environment.NewLine, inside)}");
            }

            return circles;
        }

        private static IReadOnlyDictionary<string, string> Targets(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> uses, string from) =>
            uses.TryGetValue(from, out IReadOnlyDictionary<string, string>? targets) ? targets : new Dictionary<string, string>();

        // Breadth first from start back to start, inside the circle: the shortest round trip, start first and last.
        private static List<string> RoundTrip(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> uses, HashSet<string> members, string start)
        {
            var previous = new Dictionary<string, string>(StringComparer.Ordinal);
            var queue = new Queue<string>();
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                string from = queue.Dequeue();
                foreach (string to in Targets(uses, from).Keys.Where(members.Contains))
                {
                    if (to == start)
                    {
                        var trip = new List<string> { start, from };
                        while (trip[^1] != start)
                        {
                            trip.Add(previous[trip[^1]]);
                        }

                        trip.Reverse();
                        return trip;
                    }

                    if (previous.TryAdd(to, from))
                    {
                        queue.Enqueue(to);
                    }
                }
            }

            throw new InvalidOperationException($"{start} is in a circle but no round trip leads back to it.");
        }

        // Tarjan's strongly connected components.
        private static List<List<string>> Components(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> uses)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var low = new Dictionary<string, int>(StringComparer.Ordinal);
            var stack = new Stack<string>();
            var onStack = new HashSet<string>(StringComparer.Ordinal);
            var components = new List<List<string>>();

            void Visit(string node)
            {
                index[node] = low[node] = index.Count;
                stack.Push(node);
                onStack.Add(node);
                foreach (string next in Targets(uses, node).Keys)
                {
                    if (!index.ContainsKey(next))
                    {
                        Visit(next);
                        low[node] = Math.Min(low[node], low[next]);
                    }
                    else if (onStack.Contains(next))
                    {
                        low[node] = Math.Min(low[node], index[next]);
                    }
                }

                if (low[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    components.Add(component);
                }
            }

            foreach (string node in uses.Keys.OrderBy(name => name, StringComparer.Ordinal))
            {
                if (!index.ContainsKey(node))
                {
                    Visit(node);
                }
            }

            return components;
        }
    }
}
