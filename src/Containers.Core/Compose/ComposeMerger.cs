namespace Containers.Compose
{
    /// <summary>
    /// The specification's merge rules ("Merge and override"), for several files (<c>-Path a.yml, b.yml</c>) and for
    /// extends: mappings are merged key by key, the later value winning; sequences are appended; command, entrypoint
    /// and healthcheck.test are replaced; ports, volumes, secrets and configs are merged by their unique key (an entry
    /// of the later file replaces the one with the same container target); compose's "list or dict" values
    /// (environment, labels, build args, depends_on, networks...) are merged as maps whatever form each file wrote;
    /// <c>!reset</c> removes a value, <c>!override</c> replaces it whole. Neither input is changed.
    /// </summary>
    internal static class ComposeMerger
    {
        private static readonly HashSet<string> Replaced = new HashSet<string>(StringComparer.Ordinal) { "command", "entrypoint", "test" };

        private static readonly HashSet<string> ListOrMap = new HashSet<string>(StringComparer.Ordinal)
        {
            "environment", "labels", "args", "annotations", "sysctls", "depends_on", "networks", "extra_hosts", "driver_opts",
        };

        // Values that take one string for a list of one.
        private static readonly HashSet<string> StringOrList = new HashSet<string>(StringComparer.Ordinal) { "env_file", "dns", "dns_search", "tmpfs" };

        /// <summary>Two files' top-level mappings.</summary>
        public static ComposeMapping Merge(ComposeMapping earlier, ComposeMapping later) => MergeMapping(earlier, later, null);

        /// <summary>One service's settings on top of another's (extends).</summary>
        public static ComposeMapping MergeService(ComposeMapping earlier, ComposeMapping later) => MergeMapping(earlier, later, "service");

        private static ComposeMapping MergeMapping(ComposeMapping earlier, ComposeMapping later, string? parentKey)
        {
            // The result stands where the later value was written: errors about the merged whole point there.
            var result = new ComposeMapping(later.Mark, later.Path, later.Tag, new List<KeyValuePair<string, ComposeNode>>(earlier.Entries)) { KeyMark = later.KeyMark ?? earlier.KeyMark };
            foreach (KeyValuePair<string, ComposeNode> entry in later.Entries)
            {
                ComposeNode? before = result.Get(entry.Key);
                if (entry.Value.Tag == "!reset")
                {
                    result.Remove(entry.Key);
                }
                else if (before == null || entry.Value.Tag == "!override")
                {
                    result.Set(entry.Key, entry.Value);
                }
                else
                {
                    result.Set(entry.Key, MergeValue(entry.Key, before, entry.Value, parentKey));
                }
            }

            return result;
        }

        private static ComposeNode MergeValue(string key, ComposeNode earlier, ComposeNode later, string? parentKey)
        {
            // Keys under services, networks... are names, whatever they are called.
            bool isName = parentKey == "services" || parentKey == "networks" || parentKey == "volumes" || parentKey == "secrets" || parentKey == "configs";
            if ((!isName && Replaced.Contains(key)) || later is ComposeScalar { Value: null })
            {
                return later;
            }

            if (!isName && ListOrMap.Contains(key))
            {
                return MergeMapping(AsMapping(earlier, key), AsMapping(later, key), key);
            }

            if (!isName && key == "build")
            {
                return MergeMapping(AsBuildMapping(earlier), AsBuildMapping(later), key);
            }

            if (!isName && StringOrList.Contains(key))
            {
                return Append(AsSequence(earlier), AsSequence(later), UniqueText);
            }

            if (!isName && (key == "ports" || key == "volumes" || key == "secrets" || key == "configs") && earlier is ComposeSequence before && later is ComposeSequence after)
            {
                return Append(before, after, key == "ports" ? PortKey : key == "volumes" ? MountTarget : ReferenceTarget);
            }

            if (earlier is ComposeMapping beforeMapping && later is ComposeMapping afterMapping)
            {
                return MergeMapping(beforeMapping, afterMapping, key);
            }

            if (earlier is ComposeSequence beforeList && later is ComposeSequence afterList)
            {
                return Append(beforeList, afterList, UniqueText);
            }

            return later;
        }

        // Later entries replace earlier ones with the same key (null: always appended), in the earlier one's place.
        private static ComposeSequence Append(ComposeSequence earlier, ComposeSequence later, Func<ComposeNode, string?> keyOf)
        {
            var items = new List<ComposeNode>(earlier.Items);
            foreach (ComposeNode item in later.Items)
            {
                string? key = keyOf(item);
                int index = key == null ? -1 : items.FindIndex(existing => keyOf(existing) == key);
                if (index >= 0)
                {
                    items[index] = item;
                }
                else
                {
                    items.Add(item);
                }
            }

            return new ComposeSequence(later.Mark, later.Path, later.Tag, items);
        }

        private static string? UniqueText(ComposeNode node) => node is ComposeScalar scalar ? scalar.Value : null;

        private static string PortKey(ComposeNode node) => string.Join(",", PortSyntax.Read(node).Select(port => port.ToString()));

        private static string MountTarget(ComposeNode node) => MountSyntax.Read(node, "/").Target;

        private static string ReferenceTarget(ComposeNode node) =>
            node is ComposeMapping mapping
                ? ComposeValues.Text(mapping.Get("target")) ?? ComposeValues.Text(mapping.Get("source")) ?? string.Empty
                : ComposeValues.RequiredText(node);

        /// <summary>A "list or dict" value as a mapping: KEY=VALUE items become KEY: VALUE, a bare KEY a null value.</summary>
        public static ComposeMapping AsMapping(ComposeNode node, string key)
        {
            switch (node)
            {
                case ComposeMapping mapping:
                    return mapping;
                case ComposeSequence sequence:
                    var entries = new List<KeyValuePair<string, ComposeNode>>();
                    foreach (ComposeNode item in sequence.Items)
                    {
                        string text = ComposeValues.RequiredText(item);
                        // extra_hosts writes HOST:IP in its list form; depends_on and networks write bare names.
                        char separator = key == "extra_hosts" && text.IndexOf('=') < 0 ? ':' : '=';
                        int at = key == "depends_on" || key == "networks" ? -1 : text.IndexOf(separator);
                        string name = at < 0 ? text : text.Substring(0, at);
                        var value = new ComposeScalar(item.Mark, ComposeNode.ChildPath(sequence.Path, name), null, at < 0 ? null : text.Substring(at + 1)) { KeyMark = item.Mark };
                        entries.RemoveAll(existing => existing.Key == name);
                        entries.Add(new KeyValuePair<string, ComposeNode>(name, value));
                    }

                    return new ComposeMapping(sequence.Mark, sequence.Path, sequence.Tag, entries) { KeyMark = sequence.KeyMark };
                default:
                    throw node.Error("must be a mapping or a list, not " + node.Kind);
            }
        }

        private static ComposeMapping AsBuildMapping(ComposeNode node) =>
            node is ComposeScalar scalar
                ? new ComposeMapping(node.Mark, node.Path, null, new List<KeyValuePair<string, ComposeNode>> { new KeyValuePair<string, ComposeNode>("context", scalar) })
                : ComposeValues.Mapping(node) ?? throw node.Error("must be a path or a mapping");

        private static ComposeSequence AsSequence(ComposeNode node) =>
            node is ComposeScalar
                ? new ComposeSequence(node.Mark, node.Path, null, new List<ComposeNode> { node })
                : ComposeValues.Sequence(node) ?? throw node.Error("must be a list");
    }
}
