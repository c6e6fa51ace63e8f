using System.Reflection;
using Containers.PowerShell.Loading;
using Xunit;

namespace Containers.Tests.Loading
{
    /// <summary>
    /// What Windows PowerShell's loader is handed when a dependency asks for another version than the module ships:
    /// the shipped copy when it is the same assembly and no older, nothing otherwise. Real assemblies, copied to a
    /// folder of the test's own.
    /// </summary>
    public sealed class DependencyFolderTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "containers-deps-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly AssemblyName _signed;
        private readonly AssemblyName _unsigned;

        public DependencyFolderTests()
        {
            Directory.CreateDirectory(_folder);
            // A strong-named assembly (as the System.* packages are) and one of ours, which is not signed.
            string signed = typeof(MetadataLoadContext).Assembly.Location;
            string unsigned = typeof(Containers.Engine.EngineClient).Assembly.Location;
            File.Copy(signed, Path.Combine(_folder, Path.GetFileName(signed)));
            File.Copy(unsigned, Path.Combine(_folder, Path.GetFileName(unsigned)));
            _signed = AssemblyName.GetAssemblyName(signed);
            _unsigned = AssemblyName.GetAssemblyName(unsigned);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private DependencyFolder Folder => new DependencyFolder(_folder);

        private AssemblyName Asking(AssemblyName shipped, Version version, byte[]? token = null)
        {
            var name = new AssemblyName(shipped.Name!) { Version = version };
            name.SetPublicKeyToken(token ?? shipped.GetPublicKeyToken());
            return name;
        }

        [Fact]
        public void An_older_version_request_gets_the_shipped_copy()
        {
            AssemblyName older = Asking(_signed, new Version(_signed.Version!.Major - 1, 0, 0, 0));
            Assert.Equal(Path.Combine(_folder, _signed.Name + ".dll"), Folder.Find(older));
        }

        [Fact]
        public void The_exact_version_and_a_request_without_a_version_get_it_too()
        {
            Assert.NotNull(Folder.Find(Asking(_signed, _signed.Version!)));
            Assert.NotNull(Folder.Find(new AssemblyName(_signed.Name!)));
            Assert.NotNull(Folder.Find(Asking(_unsigned, new Version(0, 0, 0, 0), Array.Empty<byte>())));
        }

        [Fact]
        public void A_newer_version_than_shipped_is_not_answered()
        {
            AssemblyName newer = Asking(_signed, new Version(_signed.Version!.Major + 1, 0, 0, 0));
            Assert.Null(Folder.Find(newer));
        }

        [Fact]
        public void Another_publishers_assembly_of_the_same_name_is_not_answered()
        {
            AssemblyName impostor = Asking(_signed, _signed.Version!, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
            Assert.Null(Folder.Find(impostor));
        }

        [Fact]
        public void Names_not_in_the_folder_and_names_that_are_not_file_names_are_not_answered()
        {
            Assert.Null(Folder.Find(new AssemblyName("System.Not.Shipped")));
            Assert.Null(Folder.Find(new AssemblyName { Name = "../../etc/passwd", Version = new Version(1, 0) }));
        }
    }
}
