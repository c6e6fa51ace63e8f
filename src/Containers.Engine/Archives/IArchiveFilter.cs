namespace Containers.Engine.Archives
{
    /// <summary>What a walk of a directory leaves out of its archive: a build context's .dockerignore is one.</summary>
    internal interface IArchiveFilter
    {
        /// <summary>Whether a '/'-separated path, relative to the walked directory, stays out of the archive.</summary>
        bool IsIgnored(string relativePath);

        /// <summary>Whether an ignored directory need not be walked at all: nothing inside it could be kept.</summary>
        bool CanSkipDirectory(string relativePath);
    }
}
