#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    The module as a gallery and Azure Automation get it: tools/Package/ModulePackage.ps1 (what build.ps1 -Package runs)
    packs the built module; the .nupkg is published to a local repository, saved from it into an empty module path with
    Save-PSResource, and imported by name in a fresh pwsh that reaches the private engine; the zip is opened and its
    manifest tested. The PSResourceGet work runs in child pwsh processes whose repository list lives in a folder of this
    file's own (XDG_DATA_HOME, on Linux and macOS), so the user's repositories are never touched, and no gallery is
    contacted.
#>

BeforeAll {
    $script:ownEngine = $null
    if (-not $env:CONTAINERS_TEST_REGISTRY) {
        . (Join-Path $PSScriptRoot 'Support/TestEngine.ps1')
        $script:ownEngine = Start-TestEngine
    }
    $modulePath = if ($env:CONTAINERS_MODULE_PATH) { $env:CONTAINERS_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Containers/Containers.psd1' }
    Import-Module $modulePath -Force
    $script:moduleFolder = Split-Path (Resolve-Path $modulePath).Path
    $script:version = (Import-PowerShellDataFile $modulePath).ModuleVersion
    $script:image = if ($env:CONTAINERS_TEST_IMAGE) { $env:CONTAINERS_TEST_IMAGE } else { 'localhost/containers-test/busybox:latest' }
    $script:prefix = 'pester-pkg-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) $script:prefix
    # The folder must exist: .NET ignores an XDG_DATA_HOME that does not, and PSResourceGet then writes to the current one.
    $null = New-Item -ItemType Directory -Path (Join-Path $script:work 'data')

    # Runs a script in a fresh pwsh -NoProfile -NonInteractive, its PSResourceGet settings in this run's folder;
    # returns its output lines, and fails with its error output when it fails.
    function Invoke-FreshPwsh([string] $Script) {
        $preamble = "`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'; `$env:XDG_DATA_HOME = '$(Join-Path $script:work 'data')'`n"
        # pwsh on the PATH: this process may be the .NET global tool's, whose own path is dotnet.
        $pwsh = (Get-Command pwsh -CommandType Application | Select-Object -First 1).Source
        $output = & $pwsh -NoProfile -NonInteractive -Command ($preamble + $Script) 2>&1
        if ($LASTEXITCODE -ne 0) { throw "pwsh failed with exit code ${LASTEXITCODE}: $($output -join [Environment]::NewLine)" }
        $output | ForEach-Object { "$_" }
    }

    # Pack, then publish the .nupkg to a repository of the test's own and save it from there into an empty module path.
    $packageFolder = Join-Path $script:work 'package'
    $script:modules = Join-Path $script:work 'modules'
    $null = New-Item -ItemType Directory -Path $script:modules
    $script:packing = Invoke-FreshPwsh @"
`$before = (Get-PSResourceRepository).Name -join ','
. '$(Join-Path $PSScriptRoot '../../tools/Package/ModulePackage.ps1')'
`$packed = New-ModulePackage -ModuleFolder '$script:moduleFolder' -Destination '$packageFolder'
"REPOSITORIES `$before | `$((Get-PSResourceRepository).Name -join ',')"
"NUPKG `$(`$packed.Nupkg)"
"ZIP `$(`$packed.Zip)"
Register-PSResourceRepository -Name '$script:prefix' -Uri '$packageFolder' -Trusted
try { Save-PSResource -Name Containers -Repository '$script:prefix' -Path '$script:modules' -SkipDependencyCheck -TrustRepository }
finally { Unregister-PSResourceRepository -Name '$script:prefix' }
"@
    $script:nupkg = ($script:packing | Where-Object { $_ -like 'NUPKG *' }).Substring(6)
    $script:zip = ($script:packing | Where-Object { $_ -like 'ZIP *' }).Substring(4)
}

AfterAll {
    Get-Container -All -Name "$script:prefix*" | Remove-Container -Force -Confirm:$false
    Remove-Item $script:work -Recurse -Force -ErrorAction SilentlyContinue
    if ($script:ownEngine) { Stop-TestEngine -Process $script:ownEngine }
}

Describe 'The gallery package' {
    It 'leaves the repositories as they were' {
        $line = $script:packing | Where-Object { $_ -like 'REPOSITORIES *' }
        $before, $after = $line.Substring(13) -split ' \| '
        $after | Should -Be $before
        $after | Should -Not -Match $script:prefix
        # The repository list the child processes used was this test's own.
        Join-Path $script:work 'data/PSResourceGet/PSResourceRepository.xml' | Should -Exist
    }

    It 'carries the gallery fields, none of them empty' {
        $script:nupkg | Should -Be (Join-Path $script:work "package/Containers.$script:version.nupkg")
        $archive = [System.IO.Compression.ZipFile]::OpenRead($script:nupkg)
        try {
            $reader = [System.IO.StreamReader]::new($archive.GetEntry('Containers.nuspec').Open())
            [xml] $nuspec = $reader.ReadToEnd()
            $reader.Dispose()
        }
        finally { $archive.Dispose() }
        $metadata = $nuspec.package.metadata
        $metadata.id | Should -Be 'Containers'
        $metadata.version | Should -Be $script:version
        $metadata.description | Should -Not -BeNullOrEmpty
        $metadata.releaseNotes | Should -Match "^$([regex]::Escape($script:version))"
        $tags = $metadata.tags -split ' '
        foreach ($tag in 'Docker', 'Containers', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux') { $tags | Should -Contain $tag }
        # A gallery finds DSC resources by these two tags: they belong in PSData.Tags exactly when the module exports some.
        $hasDsc = [bool] (Import-PowerShellDataFile (Join-Path $script:moduleFolder 'Containers.psd1'))['DscResourcesToExport']
        foreach ($tag in 'DSC', 'DscResources') {
            ($tags -contains $tag) | Should -Be $hasDsc -Because "the tag $tag goes with DscResourcesToExport in Containers.psd1"
        }
        foreach ($element in $metadata.ChildNodes) { $element.InnerText.Trim() | Should -Not -BeNullOrEmpty -Because "<$($element.Name)> is empty" }
    }

    It 'installs from a local repository and imports by name in a fresh pwsh that reaches the engine' {
        $made = New-Container -Image $script:image -Name "$script:prefix-a" -Command sleep, 300
        $saved = Join-Path $script:modules "Containers/$script:version/Containers.psd1"
        $saved | Should -Exist
        # Only the saved module path and PowerShell's own modules; no DOCKER_HOST, so -Engine is what reaches the engine.
        $output = Invoke-FreshPwsh @"
`$env:PSModulePath = '$script:modules' + [IO.Path]::PathSeparator + (Join-Path `$PSHOME 'Modules')
Remove-Item env:DOCKER_HOST -ErrorAction SilentlyContinue
Import-Module Containers
(Get-Module Containers).ModuleBase
(Get-Container -Engine '$env:DOCKER_HOST' -All -Name '$script:prefix-a').Id
"@
        $output | Should -Be @((Split-Path $saved), $made.Id)
    }
}

Describe 'The Azure Automation zip' {
    It 'has the module folder at its root and a manifest that passes Test-ModuleManifest' {
        $script:zip | Should -Be (Join-Path $script:work 'package/Containers.zip')
        $archive = [System.IO.Compression.ZipFile]::OpenRead($script:zip)
        try { $entries = $archive.Entries.FullName } finally { $archive.Dispose() }
        $entries | Should -Contain 'Containers/Containers.psd1'
        $entries | Where-Object { $_ -notlike 'Containers/*' } | Should -BeNullOrEmpty

        $extracted = Join-Path $script:work 'zip'
        [System.IO.Compression.ZipFile]::ExtractToDirectory($script:zip, $extracted)
        $manifest = Test-ModuleManifest (Join-Path $extracted 'Containers/Containers.psd1') -ErrorAction Stop
        $manifest.Name | Should -Be 'Containers'
        $manifest.Version | Should -Be $script:version
        # Every file of the built module, and nothing else.
        $built = Get-ChildItem $script:moduleFolder -Recurse -File | ForEach-Object { $_.FullName.Substring($script:moduleFolder.Length + 1) } | Sort-Object
        $entries | Where-Object { -not $_.EndsWith('/') } | ForEach-Object { $_.Substring('Containers/'.Length) } | Sort-Object | Should -Be $built
    }
}
