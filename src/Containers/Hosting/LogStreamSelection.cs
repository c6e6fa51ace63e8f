using Containers.Models;

namespace Containers.PowerShell.Hosting
{
    /// <summary>The log cmdlets' -Stream: both streams when it is not given, else only those it names.</summary>
    internal static class LogStreamSelection
    {
        public static bool Includes(LogStream[]? chosen, LogStream stream) => chosen == null || Array.IndexOf(chosen, stream) >= 0;
    }
}
