namespace Containers.Compose
{
    /// <summary>
    /// A compose file as YAML values that remember where they were written (<see cref="Mark"/>) and under which key
    /// (<see cref="Path"/>), so that every later step (interpolation, merging, extends, typing) can report an error at
    /// the place the user wrote the value, even after the value moved into a merged project.
    /// </summary>
    internal abstract class ComposeNode
    {
        protected ComposeNode(ComposeMark mark, string path, string? tag)
        {
            Mark = mark;
            Path = path;
            Tag = tag;
        }

        public ComposeMark Mark { get; }

        /// <summary>The key path in the file the node came from: <c>services.web.ports[0]</c>.</summary>
        public string Path { get; }

        /// <summary>The YAML tag written on the value (<c>!reset</c>, <c>!override</c>), or null.</summary>
        public string? Tag { get; }

        /// <summary>Where the key this value sits under was written (null for list items and the root).</summary>
        public ComposeMark? KeyMark { get; set; }

        public ComposeFileException Error(string reason) => Mark.Error(Path, reason);

        /// <summary>An error about the key itself (unknown, not allowed here), at the key.</summary>
        public ComposeFileException KeyError(string reason) => (KeyMark ?? Mark).Error(Path, reason);

        /// <summary>What the node is, in the words of an error message ("a list").</summary>
        public abstract string Kind { get; }

        public static string ChildPath(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;
    }

    /// <summary>A YAML scalar; <see cref="Value"/> is null for a plain null (<c>~</c>, <c>null</c> or nothing).</summary>
    internal sealed class ComposeScalar : ComposeNode
    {
        public ComposeScalar(ComposeMark mark, string path, string? tag, string? value)
            : base(mark, path, tag)
        {
            Value = value;
        }

        public string? Value { get; set; }

        public override string Kind => Value == null ? "null" : "a single value";
    }

    internal sealed class ComposeSequence : ComposeNode
    {
        public ComposeSequence(ComposeMark mark, string path, string? tag, List<ComposeNode> items)
            : base(mark, path, tag)
        {
            Items = items;
        }

        public List<ComposeNode> Items { get; }

        public override string Kind => "a list";
    }

    /// <summary>A YAML mapping, its keys in the order written.</summary>
    internal sealed class ComposeMapping : ComposeNode
    {
        public ComposeMapping(ComposeMark mark, string path, string? tag, List<KeyValuePair<string, ComposeNode>> entries)
            : base(mark, path, tag)
        {
            Entries = entries;
        }

        public List<KeyValuePair<string, ComposeNode>> Entries { get; }

        public override string Kind => "a mapping";

        public IEnumerable<string> Keys => Entries.Select(entry => entry.Key);

        public ComposeNode? Get(string key)
        {
            foreach (KeyValuePair<string, ComposeNode> entry in Entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }

        public void Set(string key, ComposeNode value)
        {
            int index = Entries.FindIndex(entry => entry.Key == key);
            if (index >= 0)
            {
                Entries[index] = new KeyValuePair<string, ComposeNode>(key, value);
            }
            else
            {
                Entries.Add(new KeyValuePair<string, ComposeNode>(key, value));
            }
        }

        public void Remove(string key) => Entries.RemoveAll(entry => entry.Key == key);

        /// <summary>A copy of the entry list (the values shared), for merges that must leave this mapping as it is.</summary>
        public ComposeMapping ShallowCopy() => new ComposeMapping(Mark, Path, Tag, new List<KeyValuePair<string, ComposeNode>>(Entries)) { KeyMark = KeyMark };
    }
}
