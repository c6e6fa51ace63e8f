using System.Reflection;

namespace Containers.Engine.Files
{
    /// <summary>
    /// File modes and link targets, through the .NET APIs that have them (File.SetUnixFileMode and GetUnixFileMode from
    /// .NET 7, File.ResolveLinkTarget from .NET 6). netstandard2.0 lacks them, but every runtime this module meets on Linux
    /// and macOS is PowerShell 7.4's .NET 8 or later; Windows PowerShell on .NET Framework has no use for modes.
    /// </summary>
    internal static class UnixFileModes
    {
        private const int OwnerReadWrite = 0x180;        // 0600
        private const int OwnerReadWriteSearch = 0x1C0;  // 0700
        private const int AnyExecute = 0x49;             // 0111

        private static readonly MethodInfo? SetMode = FindFileMethod("SetUnixFileMode", 2);
        private static readonly MethodInfo? GetMode = FindFileMethod("GetUnixFileMode", 1);
        private static readonly MethodInfo? ResolveLink = typeof(File).GetMethod("ResolveLinkTarget", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(bool) }, null);

        public static bool IsWindows => Environment.OSVersion.Platform == PlatformID.Win32NT;

        /// <summary>Makes a file readable and writable by its owner alone (0600); nothing on Windows, where the profile's ACL does this.</summary>
        public static void MakeOwnerOnlyFile(string path) => Set(path, OwnerReadWrite);

        /// <summary>Makes a folder the owner's alone (0700), as the docker CLI creates its configuration folder.</summary>
        public static void MakeOwnerOnlyDirectory(string path) => Set(path, OwnerReadWriteSearch);

        /// <summary>The file's permission bits; null on Windows or where the runtime cannot say.</summary>
        public static int? GetPermissions(string path)
        {
            if (IsWindows || GetMode == null)
            {
                return null;
            }

            return Convert.ToInt32(Invoke(GetMode, path), System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>False only when the file's mode is known and no one may execute it (Go's exec.LookPath skips those too).</summary>
        public static bool MayBeExecutable(string path)
        {
            int? mode = GetPermissions(path);
            return mode == null || (mode.Value & AnyExecute) != 0;
        }

        /// <summary>
        /// Where writing to <paramref name="path"/> really lands: the final target when it is a symbolic link (even a
        /// dangling one), so that replacing the file keeps a dotfiles manager's link in place; the path itself otherwise.
        /// </summary>
        public static string ResolveLinks(string path)
        {
            if (ResolveLink == null)
            {
                return path;
            }

            try
            {
                return Invoke(ResolveLink, path, true) is FileSystemInfo target ? target.FullName : path;
            }
            catch (IOException)
            {
                // A loop of links, or one that cannot be read: writing to the path itself is the best there is.
                return path;
            }
        }

        private static void Set(string path, int mode)
        {
            if (IsWindows || SetMode == null)
            {
                return;
            }

            Type modeType = SetMode.GetParameters()[1].ParameterType;
            Invoke(SetMode, path, Enum.ToObject(modeType, mode));
        }

        private static object? Invoke(MethodInfo method, params object[] arguments)
        {
            try
            {
                return method.Invoke(null, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                // Let callers see the IOException or UnauthorizedAccessException the API threw, not the reflection wrapper.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        private static MethodInfo? FindFileMethod(string name, int parameterCount)
        {
            foreach (MethodInfo method in typeof(File).GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                ParameterInfo[] parameters = method.GetParameters();
                if (method.Name == name && parameters.Length == parameterCount && parameters[0].ParameterType == typeof(string))
                {
                    return method;
                }
            }

            return null;
        }
    }
}
