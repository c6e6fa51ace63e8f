using Containers.Engine.Configuration;
using Containers.Engine.Files;

namespace Containers.Engine.CredentialStore
{
    /// <summary>
    /// Finds a program on the PATH of an <see cref="IEngineEnvironment"/>, as Go's exec.LookPath does for the docker
    /// CLI: folders in order, PATHEXT extensions on Windows, files nobody may execute skipped, and relative folders
    /// ignored (Go refuses programs found through "." since 1.19, so a helper planted in the current folder never runs).
    /// </summary>
    internal static class ProgramSearch
    {
        private const string DefaultPathExtensions = ".COM;.EXE;.BAT;.CMD";

        /// <summary>The program's full path, or null when no folder on the PATH holds it.</summary>
        public static string? Find(string program, IEngineEnvironment environment)
        {
            string path = environment.GetVariable("PATH") ?? string.Empty;
            string[] extensions = UnixFileModes.IsWindows
                ? (environment.GetVariable("PATHEXT") ?? DefaultPathExtensions).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
                : new[] { string.Empty };

            foreach (string entry in path.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                string folder = entry.Trim().Trim('"');
                if (folder.Length == 0 || !Path.IsPathRooted(folder))
                {
                    continue;
                }

                if (UnixFileModes.IsWindows && Path.HasExtension(program) && IsRunnable(Path.Combine(folder, program)))
                {
                    return Path.Combine(folder, program);
                }

                foreach (string extension in extensions)
                {
                    string candidate = Path.Combine(folder, program + extension);
                    if (IsRunnable(candidate))
                    {
                        return candidate;
                    }
                }
            }

            return null;
        }

        private static bool IsRunnable(string candidate)
        {
            try
            {
                return File.Exists(candidate) && UnixFileModes.MayBeExecutable(candidate);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
