namespace Containers.Engine.Archives
{
    /// <summary>An archive entry refused because unpacking it could write outside the destination.</summary>
    public sealed class UnsafeArchiveEntryException : IOException
    {
        public UnsafeArchiveEntryException(string entryName, string reason)
            : base($"The archive entry '{entryName}' was refused: {reason}. Nothing was written for it.")
        {
            EntryName = entryName;
        }

        public string EntryName { get; }
    }
}
