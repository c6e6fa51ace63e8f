using Containers.HelpBuilder.About;
using Containers.HelpBuilder.Checks;
using Containers.HelpBuilder.Maml;
using Containers.HelpBuilder.Markdown;
using Containers.HelpBuilder.Metadata;
using Containers.HelpBuilder.Pages;

namespace Containers.HelpBuilder
{
    /// <summary>
    /// docs/*.md and the cmdlets in, en-US/ out: reads every page, checks it against its cmdlet, and produces the MAML,
    /// the about topics and the pages' SYNTAX sections. It only computes; writing is the program's job, comparing the
    /// tests'.
    /// </summary>
    public static class HelpBuild
    {
        public const string RegenerateCommand = "dotnet run --project tools/Containers.HelpBuilder -c Release";
        public const string DocsFolder = "docs";
        public const string HelpFolder = "en-US";
        public const string MamlFileName = HelpParity.ExternalHelpFile;

        public static HelpBuildResult Run(IReadOnlyList<CmdletDefinition> cmdlets, string repositoryRoot) => Run(cmdlets, ReadDocs(repositoryRoot));

        /// <summary>
        /// docs/*.md of the repository, and the shared parameter texts docs/parameters/*.md: file name (parameters/NAME.md
        /// for the latter) to text.
        /// </summary>
        public static IReadOnlyDictionary<string, string> ReadDocs(string repositoryRoot)
        {
            string docs = Path.Combine(repositoryRoot, DocsFolder);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach ((string folder, string prefix) in new[] { (docs, string.Empty), (Path.Combine(docs, "parameters"), SharedParameterRefresher.Folder) })
            {
                foreach (string path in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.md") : Array.Empty<string>())
                {
                    texts[prefix + Path.GetFileName(path)] = File.ReadAllText(path);
                }
            }

            return texts;
        }

        /// <summary>The same build over given page texts (file name to text): the tests feed it broken pages.</summary>
        public static HelpBuildResult Run(IReadOnlyList<CmdletDefinition> cmdlets, IReadOnlyDictionary<string, string> texts)
        {
            bool IsShared(string name) => name.StartsWith(SharedParameterRefresher.Folder, StringComparison.Ordinal);
            bool IsAbout(string name) => name.StartsWith("about_", StringComparison.Ordinal);
            string[] fileNames = texts.Keys.Where(name => !IsShared(name)).OrderBy(name => name, StringComparer.Ordinal).ToArray();
            var shared = texts.Keys.Where(IsShared).ToDictionary(
                name => Path.GetFileNameWithoutExtension(name.Substring(SharedParameterRefresher.Folder.Length)), name => texts[name], StringComparer.Ordinal);

            // Each page with its shared parameter sections written in, as it is read and as it is written back.
            var cmdletsByName = cmdlets.ToDictionary(cmdlet => cmdlet.Name, StringComparer.Ordinal);
            var pageTexts = fileNames.Where(name => !IsAbout(name)).ToDictionary(
                name => name,
                name => cmdletsByName.TryGetValue(Path.GetFileNameWithoutExtension(name), out CmdletDefinition? cmdlet) ? SharedParameterRefresher.Refresh(texts[name], cmdlet, shared) : texts[name],
                StringComparer.Ordinal);
            List<CommandPage> pages = pageTexts.Select(page => CommandPageReader.Read(page.Key, page.Value)).ToList();
            var problems = HelpParity.Check(cmdlets, pages, fileNames).ToList();

            var pagesByName = pages.ToDictionary(page => page.Name, StringComparer.Ordinal);
            List<DocumentedCmdlet> documented = cmdlets
                .Where(cmdlet => pagesByName.ContainsKey(cmdlet.Name))
                .Select(cmdlet => new DocumentedCmdlet(cmdlet, pagesByName[cmdlet.Name]))
                .ToList();

            var files = new List<GeneratedFile>
            {
                new GeneratedFile(HelpFolder + "/" + MamlFileName, MamlWriter.Write(documented)),
            };

            foreach (string name in fileNames.Where(IsAbout))
            {
                MarkdownDocument about = MarkdownParser.Parse(texts[name]);
                problems.AddRange(AboutTopicChecks.Check(name, about));
                files.Add(new GeneratedFile(HelpFolder + "/" + Path.GetFileNameWithoutExtension(name) + ".help.txt", AboutTextWriter.Write(about)));
            }

            foreach (DocumentedCmdlet command in documented)
            {
                files.Add(new GeneratedFile(DocsFolder + "/" + command.Page.FileName, PageSyntaxRefresher.Refresh(pageTexts[command.Page.FileName], command.Cmdlet)));
            }

            return new HelpBuildResult(pages, documented, problems, files);
        }
    }
}
