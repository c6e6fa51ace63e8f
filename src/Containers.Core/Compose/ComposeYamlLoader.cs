using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Containers.Compose
{
    /// <summary>
    /// Reads one compose file into <see cref="ComposeNode"/>s with YamlDotNet: anchors, aliases and merge keys
    /// (<c>&lt;&lt;: *defaults</c>, which compose files use for shared settings) resolved, every value marked with its
    /// line and column. A YAML syntax error becomes a <see cref="ComposeFileException"/> at the place YamlDotNet found it.
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
                stream.Load(new MergingParser(new Parser(new StringReader(text))));
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
                    foreach (KeyValuePair<YamlNode, YamlNode> child in mapping.Children)
                    {
                        if (!(child.Key is YamlScalarNode key) || key.Value == null)
                        {
                            throw new ComposeFileException("a key must be a single value", file, (int)child.Key.Start.Line, (int)child.Key.Start.Column, path);
                        }

                        string childPath = ComposeNode.ChildPath(path, key.Value);
                        ComposeNode value = Convert(child.Value, file, childPath);
                        value.KeyMark = new ComposeMark(file, (int)key.Start.Line, (int)key.Start.Column);
                        entries.Add(new KeyValuePair<string, ComposeNode>(key.Value, value));
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

        // YAML's null: a plain ~, null or nothing (a quoted "null" is text).
        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode scalar
            && scalar.Style == ScalarStyle.Plain
            && (scalar.Value == null || scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value == "null" || scalar.Value == "Null" || scalar.Value == "NULL");
    }
}
