using System.Globalization;
using Containers.Engine.Models;
using Containers.Errors;

namespace Containers.Parsing
{
    /// <summary>docker --restart's forms: no, always, unless-stopped, on-failure, on-failure:N.</summary>
    public static class RestartPolicyParser
    {
        public static readonly string[] Names = { "no", "always", "unless-stopped", "on-failure" };

        public static RestartPolicy Parse(string text, string parameterName = "RestartPolicy")
        {
            string spec = (text ?? string.Empty).Trim();
            int colon = spec.IndexOf(':');
            string name = (colon < 0 ? spec : spec.Substring(0, colon)).ToLowerInvariant();
            if (Array.IndexOf(Names, name) < 0)
            {
                throw new InvalidParameterException(parameterName, text, $"The restart policy '{text}' is not valid: use no, always, unless-stopped, on-failure or on-failure:N.");
            }

            int retries = 0;
            if (colon >= 0)
            {
                string count = spec.Substring(colon + 1);
                if (name != "on-failure")
                {
                    throw new InvalidParameterException(parameterName, text, $"The restart policy '{text}' is not valid: only on-failure takes a retry count.");
                }

                if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out retries))
                {
                    throw new InvalidParameterException(parameterName, text, $"The restart policy '{text}' is not valid: '{count}' is not a retry count (a whole number, 0 or more).");
                }
            }

            return new RestartPolicy { Name = name, MaximumRetryCount = retries };
        }
    }
}
