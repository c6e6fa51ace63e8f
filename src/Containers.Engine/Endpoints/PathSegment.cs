namespace Containers.Engine.Endpoints
{
    /// <summary>Puts a name or id into a URL path.</summary>
    internal static class PathSegment
    {
        /// <summary>
        /// Strips the leading slash the engine shows in container names (it answers <c>//name</c> with a 301 redirect)
        /// and escapes the rest; rejects an empty id before anything is sent.
        /// </summary>
        public static string Escape(string idOrName, string what)
        {
            string trimmed = (idOrName ?? string.Empty).Trim().TrimStart('/');
            if (trimmed.Length == 0)
            {
                throw new ArgumentException($"The {what} name or id is empty.", nameof(idOrName));
            }

            return Uri.EscapeDataString(trimmed);
        }
    }
}
