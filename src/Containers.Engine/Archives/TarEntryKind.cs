namespace Containers.Engine.Archives
{
    /// <summary>The kinds of tar entry the module writes (the type flag of the header).</summary>
    public enum TarEntryKind
    {
        File,
        Directory,
        SymbolicLink,
    }
}
