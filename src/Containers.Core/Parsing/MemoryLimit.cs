using System.Globalization;
using Containers.Errors;
using Containers.Text;

namespace Containers.Parsing
{
    /// <summary>
    /// -Memory as the engine's limit in bytes: 0 for none, otherwise at least the 6 MiB dockerd allows. The engine refuses
    /// less in words of its own ("Minimum memory limit allowed is 6MB") that name neither the parameter nor the value.
    /// </summary>
    public static class MemoryLimit
    {
        /// <summary>dockerd's linuxMinMemory; no container runs in less, whatever the engine.</summary>
        public const long Minimum = 6 * 1024 * 1024;

        public static long Parse(object? value, string parameterName)
        {
            long bytes = ByteSizeParser.Parse(value, parameterName);
            if (bytes > 0 && bytes < Minimum)
            {
                throw new InvalidParameterException(parameterName, value,
                    $"The memory limit '{Convert.ToString(PlainValues.Unwrap(value), CultureInfo.InvariantCulture)}' given to -{parameterName} is {bytes} bytes; the engine allows at least 6 MB ('6m'), or 0 for no limit.");
            }

            return bytes;
        }
    }
}
