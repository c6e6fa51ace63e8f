using System.Globalization;
using Containers.Errors;

namespace Containers.EngineSelection
{
    /// <summary>
    /// The -ResponseTimeout an engine is given (Connect-ContainerEngine, New-ContainerEngine): how long its ordinary calls
    /// wait for an answer. Checked before anything is contacted: a second at least, an hour at most.
    /// </summary>
    public static class ResponseTimeoutArgument
    {
        public const string ParameterName = "ResponseTimeout";

        public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

        /// <summary>Longer than any answer an engine gives to an ordinary call; streams and long work are not bound by it.</summary>
        public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

        /// <exception cref="InvalidParameterException">Shorter than <see cref="Shortest"/> or longer than <see cref="Longest"/>.</exception>
        public static TimeSpan Validate(TimeSpan value)
        {
            if (value < Shortest || value > Longest)
            {
                string given = value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                throw new InvalidParameterException(ParameterName, value, $"-ResponseTimeout {value} ({given} seconds) is out of range: give 1 second to 1 hour, for example -ResponseTimeout 10 (seconds) or -ResponseTimeout 00:02:00.");
            }

            return value;
        }
    }
}
