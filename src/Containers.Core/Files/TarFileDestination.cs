using Containers.Errors;
using Containers.Output;

namespace Containers.Files
{
    /// <summary>
    /// Checks the path a tar file is to be written to (Export-Container, Export-ContainerImage) before anything is asked
    /// of the engine, so a bad path costs no download and leaves nothing behind.
    /// </summary>
    public static class TarFileDestination
    {
        /// <returns>The error to report, or null when the file can be written there.</returns>
        public static CommandError? Check(string path, bool force)
        {
            if (Directory.Exists(path))
            {
                return Invalid(path, $"'{path}' is a folder; give the path of the tar file to write.");
            }

            string? folder = Path.GetDirectoryName(path);
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            {
                return Invalid(path, $"The folder of '{path}' does not exist.");
            }

            if (File.Exists(path) && !force)
            {
                return new CommandError("FileExists", ErrorKind.ResourceExists, $"The file '{path}' already exists.", path, null,
                    "Use -Force to replace it, or give another -Path.");
            }

            return null;
        }

        private static CommandError Invalid(string path, string message) =>
            ErrorClassifier.Classify(new InvalidParameterException("Path", path, message), path);
    }
}
