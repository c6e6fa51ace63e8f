using System.Globalization;

namespace Containers.Compose
{
    /// <summary>
    /// Typed reads of interpolated nodes, each refusing the wrong type with an error at the value: compose takes a
    /// scalar's text for what its key wants (<c>replicas: "2"</c> is 2), as it checks types only after interpolation.
    /// </summary>
    internal static class ComposeValues
    {
        public static string? Text(ComposeNode? node)
        {
            switch (node)
            {
                case null:
                    return null;
                case ComposeScalar scalar:
                    return scalar.Value;
                default:
                    throw node.Error("must be a single value, not " + node.Kind);
            }
        }

        public static string RequiredText(ComposeNode node) => Text(node) ?? throw node.Error("must have a value");

        public static int? Integer(ComposeNode? node)
        {
            string? text = Text(node);
            if (text == null)
            {
                return null;
            }

            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
                ? value
                : throw node!.Error($"must be a whole number, not '{text}'");
        }

        public static double? Number(ComposeNode? node)
        {
            string? text = Text(node);
            if (text == null)
            {
                return null;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                ? value
                : throw node!.Error($"must be a number, not '{text}'");
        }

        public static bool? Boolean(ComposeNode? node)
        {
            string? text = Text(node);
            switch (text)
            {
                case null:
                    return null;
                case "true":
                case "True":
                case "TRUE":
                    return true;
                case "false":
                case "False":
                case "FALSE":
                    return false;
                default:
                    throw node!.Error($"must be true or false, not '{text}'");
            }
        }

        public static ComposeMapping? Mapping(ComposeNode? node) => node switch
        {
            null => null,
            ComposeScalar { Value: null } => null,
            ComposeMapping mapping => mapping,
            _ => throw node.Error("must be a mapping (key: value lines), not " + node.Kind),
        };

        /// <summary><see cref="Mapping(ComposeNode?)"/>, its keys checked against <paramref name="keys"/> (see <see cref="CheckKeys"/>).</summary>
        public static ComposeMapping? Mapping(ComposeNode? node, IReadOnlyCollection<string> keys, string what)
        {
            ComposeMapping? mapping = Mapping(node);
            if (mapping != null)
            {
                CheckKeys(mapping, keys, what);
            }

            return mapping;
        }

        public static ComposeSequence? Sequence(ComposeNode? node) => node switch
        {
            null => null,
            ComposeScalar { Value: null } => null,
            ComposeSequence sequence => sequence,
            _ => throw node.Error("must be a list, not " + node.Kind),
        };

        /// <summary>A list of single values; <paramref name="allowSingle"/> takes one value for a list of one (dns: 8.8.8.8).</summary>
        public static List<string> TextList(ComposeNode? node, bool allowSingle = false)
        {
            if (allowSingle && node is ComposeScalar { Value: { } single })
            {
                return new List<string> { single };
            }

            ComposeSequence? sequence = Sequence(node);
            return sequence == null ? new List<string>() : sequence.Items.Select(RequiredText).ToList();
        }

        /// <summary>
        /// compose's "list or dict": <c>KEY: value</c> lines, or a list of <c>KEY=VALUE</c> entries (where keys can be
        /// interpolated). A key with no value is null, or empty text when <paramref name="emptyForMissing"/> (labels).
        /// </summary>
        public static Dictionary<string, string?> ListOrMap(ComposeNode? node, bool emptyForMissing = false)
        {
            var result = new Dictionary<string, string?>(StringComparer.Ordinal);
            switch (node)
            {
                case null:
                case ComposeScalar { Value: null }:
                    break;
                case ComposeMapping mapping:
                    foreach (KeyValuePair<string, ComposeNode> entry in mapping.Entries)
                    {
                        result[entry.Key] = Text(entry.Value) ?? (emptyForMissing ? string.Empty : null);
                    }

                    break;
                case ComposeSequence sequence:
                    foreach (ComposeNode item in sequence.Items)
                    {
                        string text = RequiredText(item);
                        int equals = text.IndexOf('=');
                        string key = equals < 0 ? text : text.Substring(0, equals);
                        if (key.Length == 0)
                        {
                            throw item.Error($"'{text}' has no name before '='");
                        }

                        result[key] = equals < 0 ? (emptyForMissing ? string.Empty : null) : text.Substring(equals + 1);
                    }

                    break;
                default:
                    throw node.Error("must be a mapping or a list of KEY=VALUE entries, not " + node.Kind);
            }

            return result;
        }

        /// <summary><see cref="ListOrMap"/> for labels and options, where a missing value is empty text.</summary>
        public static Dictionary<string, string> Labels(ComposeNode? node) =>
            ListOrMap(node, emptyForMissing: true).ToDictionary(pair => pair.Key, pair => pair.Value ?? string.Empty, StringComparer.Ordinal);

        /// <summary>Throws at the first key of <paramref name="mapping"/> not in <paramref name="valid"/> (x- extensions pass), listing them.</summary>
        public static void CheckKeys(ComposeMapping mapping, IReadOnlyCollection<string> valid, string what)
        {
            foreach (KeyValuePair<string, ComposeNode> entry in mapping.Entries)
            {
                if (!valid.Contains(entry.Key) && !entry.Key.StartsWith("x-", StringComparison.Ordinal))
                {
                    throw entry.Value.KeyError(
                        $"'{entry.Key}' is not a {what} key; the valid ones are {string.Join(", ", valid.OrderBy(key => key, StringComparer.Ordinal))}, and x- extensions");
                }
            }
        }
    }
}
