namespace Containers.Engine.Errors
{
    /// <summary>
    /// Recognises a registry refusing credentials in what the engine relays. dockerd passes such refusals on as a 500
    /// (a pull) or inside a 200 stream (a push), with the registry's own words, so the words are all there is to go by.
    /// </summary>
    public static class RegistryAuthFailure
    {
        private static readonly string[] Phrases =
        {
            "no basic auth credentials",
            "unauthorized: ",
            "authentication required",
            "incorrect username or password",
            "denied: requested access to the resource is denied",
        };

        public static bool Matches(string? message)
        {
            if (string.IsNullOrEmpty(message))
            {
                return false;
            }

            foreach (string phrase in Phrases)
            {
                if (message!.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
