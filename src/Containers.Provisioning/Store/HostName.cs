namespace Containers.Provisioning.Store
{
    /// <summary>
    /// docker-machine's rule for host names: letters, digits, '.' and '-', starting with a letter or a digit. Such a
    /// name is safe as a folder name on every platform, as a docker context name and as a DNS label of a cloud VM.
    /// </summary>
    public static class HostName
    {
        /// <summary>Longer names make folder paths that Windows PowerShell (MAX_PATH) cannot open.</summary>
        public const int MaximumLength = 63;

        public static bool IsValid(string? name, out string? problem)
        {
            problem = null;
            if (string.IsNullOrEmpty(name))
            {
                problem = "A host needs a name.";
                return false;
            }

            if (name!.Length > MaximumLength)
            {
                problem = $"The host name '{name}' is {name.Length} characters long; at most {MaximumLength} are allowed.";
                return false;
            }

            if (!IsLetterOrDigit(name[0]))
            {
                problem = $"The host name '{name}' must start with a letter or a digit.";
                return false;
            }

            foreach (char c in name)
            {
                if (!IsLetterOrDigit(c) && c != '.' && c != '-')
                {
                    problem = $"The host name '{name}' holds '{c}'; only letters (a-z, A-Z), digits, '.' and '-' are allowed, starting with a letter or a digit.";
                    return false;
                }
            }

            return true;
        }

        /// <exception cref="HostStoreException">The name breaks the rule; the message says how.</exception>
        public static void Validate(string? name)
        {
            if (!IsValid(name, out string? problem))
            {
                throw new HostStoreException(HostStoreFailure.NameInvalid, name ?? string.Empty, problem!);
            }
        }

        // ASCII only: other letters would make folder names that differ by normalisation between platforms.
        private static bool IsLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
