using System.Reflection;
using System.Runtime.InteropServices;

namespace Containers.Engine.Archives
{
    /// <summary>
    /// What an archive needs to know of a file that netstandard2.0 cannot ask directly: its Unix permission bits and,
    /// for a symbolic link, its target. The runtimes PowerShell 7 runs on (.NET 8) have both as public members, found
    /// here once by reflection; Windows PowerShell on .NET Framework has neither, and gets what the docker CLI uses on
    /// Windows (0755: Windows has no execute bit to carry over).
    /// </summary>
    public static class FileSystemFacts
    {
        private const int WindowsMode = 0x1ED; // 0755

        private static readonly MethodInfo? GetUnixFileMode =
            typeof(File).GetMethod("GetUnixFileMode", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string) }, null);

        private static readonly PropertyInfo? LinkTargetProperty =
            typeof(FileSystemInfo).GetProperty("LinkTarget", BindingFlags.Public | BindingFlags.Instance);

        private static readonly MethodInfo? SetUnixFileMode =
            typeof(File).GetMethod("SetUnixFileMode", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), GetUnixFileMode?.ReturnType ?? typeof(int) }, null);

        private static readonly MethodInfo? CreateSymbolicLink =
            typeof(File).GetMethod("CreateSymbolicLink", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(string) }, null);

        private static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>True where symbolic links can be made (PowerShell 7 and later; not Windows PowerShell).</summary>
        public static bool CanCreateSymbolicLinks => CreateSymbolicLink != null;

        /// <summary>The permission bits (and set-id and sticky bits) of a file or directory, as the archive should carry them.</summary>
        public static int ModeOf(FileSystemInfo info)
        {
            if (IsWindows || GetUnixFileMode == null)
            {
                return WindowsMode;
            }

            try
            {
                return Convert.ToInt32(GetUnixFileMode.Invoke(null, new object[] { info.FullName }), System.Globalization.CultureInfo.InvariantCulture) & 0xFFF;
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        /// <summary>Where a symbolic link points, as written in the link; null for anything that is not a link.</summary>
        public static string? LinkTargetOf(FileSystemInfo info)
        {
            if ((info.Attributes & FileAttributes.ReparsePoint) == 0 || LinkTargetProperty == null)
            {
                return null;
            }

            return LinkTargetProperty.GetValue(info) as string;
        }

        /// <summary>Gives a file or directory these permission bits; nothing on Windows, which has no such bits.</summary>
        public static void SetMode(string path, int mode)
        {
            if (IsWindows || SetUnixFileMode == null)
            {
                return;
            }

            Invoke(SetUnixFileMode, path, Enum.ToObject(SetUnixFileMode.GetParameters()[1].ParameterType, mode & 0xFFF));
        }

        /// <summary>Makes a symbolic link at <paramref name="path"/> holding <paramref name="target"/> as written.</summary>
        /// <exception cref="PlatformNotSupportedException">The runtime cannot make links (Windows PowerShell).</exception>
        public static void CreateLink(string path, string target)
        {
            if (CreateSymbolicLink == null)
            {
                throw new PlatformNotSupportedException("This runtime cannot create symbolic links.");
            }

            Invoke(CreateSymbolicLink, path, target);
        }

        private static void Invoke(MethodInfo method, params object[] arguments)
        {
            try
            {
                method.Invoke(null, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        }
    }
}
