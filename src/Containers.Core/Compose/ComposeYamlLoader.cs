using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Containers.Compose
{
    /// <summary>
    /// Reads one compose file into <see cref="ComposeNode"/>s with YamlDotNet: anchors, aliases and merge keys
    /// (<c>&lt;&lt;: *defaults</c>, which compose files use for shared settings) resolved, every value marked with its
    /// line and column. A YAML syntax error becomes a <see cref="ComposeFileException"/> at the place YamlDotNet found it.
    /// Merge keys are resolved here rather than by YamlDotNet's MergingParser, which copies the merged keys beside the
    /// mapping's own and so makes a key that overrides a merged one a duplicate.
    /// </summary>
    internal static class ComposeYamlLoader
    {
        public static ComposeMapping Load(string file)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ComposeFileException("the file cannot be read: " + e.Message, file, 0, 0, null);
            }

            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                // YamlDotNet's message repeats the position in its own form; the inner exception, when there is one, says what it met.
                string reason = e.InnerException?.Message ?? e.Message;
                int cut = reason.IndexOf("): ", StringComparison.Ordinal);
                if (reason.StartsWith("(", StringComparison.Ordinal) && cut > 0)
                {
                    reason = reason.Substring(cut + 3);
                }

                throw new ComposeFileException("YAML syntax error: " + reason, file, (int)e.Start.Line, (int)e.Start.Column, null);
            }

            if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
            {
                throw new ComposeFileException("the file is empty", file, 0, 0, null);
            }

            ComposeNode root = Convert(stream.Documents[0].RootNode, file, string.Empty);
            return root as ComposeMapping ?? throw root.Error("a compose file is a mapping of top-level keys (services, networks...), not " + root.Kind);
        }

        private static ComposeNode Convert(YamlNode node, string file, string path)
        {
            var mark = new ComposeMark(file, (int)node.Start.Line, (int)node.Start.Column);
            string? tag = node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;
            switch (node)
            {
                case YamlMappingNode mapping:
                    var entries = new List<KeyValuePair<string, ComposeNode>>(mapping.Children.Count);
                    var merged = new List<KeyValuePair<string, ComposeNode>>();
                    foreach (KeyValuePair<YamlNode, YamlNode> child in mapping.Children)
                    {
                        if (!(child.Key is YamlScalarNode key) || key.Value == null)
                        {
                            throw new ComposeFileException("a key must be a single value", file, (int)child.Key.Start.Line, (int)child.Key.Start.Column, path);
                        }

                        if (key.Value == "<<" && key.Style == ScalarStyle.Plain)
                        {
                            merged.AddRange(MergedEntries(child.Value, file, path));
                            continue;
                        }

                        string childPath = ComposeNode.ChildPath(path, key.Value);
                        ComposeNode value = Convert(child.Value, file, childPath);
                        value.KeyMark = new ComposeMark(file, (int)key.Start.Line, (int)key.Start.Column);
                        entries.Add(new KeyValuePair<string, ComposeNode>(key.Value, value));
                    }

                    // The mapping's own keys win over merged ones; of several merged mappings, the first to give a key wins.
                    foreach (KeyValuePair<string, ComposeNode> entry in merged)
                    {
                        if (!entries.Any(own => own.Key == entry.Key))
                        {
                            entries.Add(entry);
                        }
                    }

                    return new ComposeMapping(mark, path, tag, entries);

                case YamlSequenceNode sequence:
                    var items = new List<ComposeNode>(sequence.Children.Count);
                    for (int i = 0; i < sequence.Children.Count; i++)
                    {
                        items.Add(Convert(sequence.Children[i], file, path + "[" + i + "]"));
                    }

                    return new ComposeSequence(mark, path, tag, items);

                case YamlScalarNode scalar:
                    return new ComposeScalar(mark, path, tag, IsNull(scalar) ? null : scalar.Value ?? string.Empty);

                default:
                    throw new ComposeFileException("an unresolved alias", file, mark.Line, mark.Column, path);
            }
        }

        // The value of a merge key: a mapping (an alias of one) or a list of them.
        private static IEnumerable<KeyValuePair<string, ComposeNode>> MergedEntries(YamlNode value, string file, string path)
        {
            IEnumerable<YamlNode> sources = value is YamlSequenceNode list ? list.Children : new[] { value };
            foreach (YamlNode source in sources)
            {
                if (!(Convert(source, file, path) is ComposeMapping mapping))
                {
                    throw new ComposeFileException("a merge key (<<) takes a mapping or a list of mappings", file, (int)source.Start.Line, (int)source.Start.Column, path);
                }

                foreach (KeyValuePair<string, ComposeNode> entry in mapping.Entries)
                {
                    yield return entry;
                }
            }
        }

        // YAML's null: a plain ~, null or nothing (a quoted "null" is text).
        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode scalar
            && scalar.Style == ScalarStyle.Plain
            && (scalar.Value == null || scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value == "null" || scalar.Value == "Null" || scalar.Value == "NULL");
    }
}
