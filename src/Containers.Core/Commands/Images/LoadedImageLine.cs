namespace Containers.Commands.Images
{
    /// <summary>
    /// The lines of a load's output that say which images arrived: "Loaded image: NAME" for an image saved by name,
    /// "Loaded image ID: sha256:..." for one saved by id. Read only to learn which images to inspect afterwards; what the
    /// cmdlet returns comes from the engine, not from these lines.
    /// </summary>
    public static class LoadedImageLine
    {
        private const string ByName = "Loaded image: ";
        private const string ById = "Loaded image ID: ";

        /// <summary>The name or id the line reports, or false for any other line.</summary>
        public static bool TryRead(string line, out string nameOrId)
        {
            string trimmed = line.Trim();
            foreach (string prefix in new[] { ById, ByName })
            {
                if (trimmed.StartsWith(prefix, StringComparison.Ordinal) && trimmed.Length > prefix.Length)
                {
                    nameOrId = trimmed.Substring(prefix.Length).Trim();
                    return true;
                }
            }

            nameOrId = string.Empty;
            return false;
        }
    }
}
