using System.Xml.Linq;
using Containers.Tests.Metadata;

namespace Containers.Tests.Views
{
    /// <summary>The module's format and type files, read from the repository as the manifest names them.</summary>
    public static class ModuleFiles
    {
        public const string FormatFile = "Containers.format.ps1xml";

        public const string TypesFile = "Containers.types.ps1xml";

        public static string PathOf(string file) => Path.Combine(CmdletMetadata.SettingOf("RepositoryRoot"), file);

        /// <summary>Parses the file; malformed XML throws here, naming the line.</summary>
        public static XDocument Load(string file) => XDocument.Load(PathOf(file), LoadOptions.SetLineInfo);
    }
}
