@{
    RootModule           = 'Containers.psm1'
    NestedModules        = @('Containers.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = '5f0c4a3e-7d1b-4f8e-9a62-3c1d2b8e9f41'
    Author               = 'Containers contributors'
    CompanyName          = 'Containers contributors'
    Copyright            = '(c) Containers contributors. All rights reserved.'
    Description          = 'Administer Docker containers, images, networks, volumes, registry logins and the machines that run them from PowerShell: binary cmdlets that talk to the Docker Engine API themselves (no docker CLI needed) and return typed objects for the pipeline instead of text. Windows PowerShell 5.1 and PowerShell 7.4+, on Windows and Linux; local engines, and remote ones over TLS or SSH.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('Containers.format.ps1xml')
    TypesToProcess       = @('Containers.types.ps1xml')
    CmdletsToExport      = @(
        'Add-ContainerImageTag'
        'Connect-ContainerEngine'
        'Connect-ContainerNetwork'
        'Connect-ContainerRegistry'
        'ConvertTo-ContainerImage'
        'Copy-ContainerItem'
        'Disconnect-ContainerEngine'
        'Disconnect-ContainerNetwork'
        'Disconnect-ContainerRegistry'
        'Enter-Container'
        'Export-Container'
        'Export-ContainerImage'
        'Find-ContainerImage'
        'Get-Container'
        'Get-ContainerChange'
        'Get-ContainerDetail'
        'Get-ContainerDiskUsage'
        'Get-ContainerEngine'
        'Get-ContainerEvent'
        'Get-ContainerHost'
        'Get-ContainerImage'
        'Get-ContainerImageDetail'
        'Get-ContainerImageHistory'
        'Get-ContainerLog'
        'Get-ContainerNetwork'
        'Get-ContainerProcess'
        'Get-ContainerRegistry'
        'Get-ContainerRegistryTag'
        'Get-ContainerStatistics'
        'Get-ContainerVolume'
        'Import-ContainerImage'
        'Invoke-ContainerCommand'
        'Invoke-ContainerImage'
        'Invoke-ImageBuild'
        'Invoke-ImagePull'
        'Invoke-ImagePush'
        'New-Container'
        'New-ContainerEngine'
        'New-ContainerHost'
        'New-ContainerNetwork'
        'New-ContainerVolume'
        'Remove-Container'
        'Remove-ContainerHost'
        'Remove-ContainerImage'
        'Remove-ContainerNetwork'
        'Remove-ContainerVolume'
        'Rename-Container'
        'Restart-Container'
        'Restart-ContainerHost'
        'Resume-Container'
        'Start-Container'
        'Start-ContainerHost'
        'Stop-Container'
        'Stop-ContainerHost'
        'Suspend-Container'
        'Test-ContainerEngine'
        'Update-Container'
        'Update-ContainerHostCertificate'
        'Wait-Container'
        # Swarm and nodes
        'Exit-ContainerSwarm'
        'Get-ContainerSwarm'
        'Get-ContainerSwarmNode'
        'Initialize-ContainerSwarm'
        'Join-ContainerSwarm'
        'Remove-ContainerSwarmNode'
        'Set-ContainerSwarmNode'
        # Swarm services and tasks
        'Get-ContainerService'
        'Get-ContainerServiceLog'
        'Get-ContainerServiceTask'
        'New-ContainerService'
        'Remove-ContainerService'
        'Set-ContainerService'
        # Swarm secrets and configs
        'Get-ContainerConfig'
        'Get-ContainerSecret'
        'New-ContainerConfig'
        'New-ContainerSecret'
        'Remove-ContainerConfig'
        'Remove-ContainerSecret'
        # Compose projects on one engine
        'Get-ContainerProject'
        'Remove-ContainerProject'
        'Start-ContainerProject'
        'Stop-ContainerProject'
        # Swarm stacks; Deploy-ContainerStack is an alias of Publish-ContainerStack
        'Get-ContainerStack'
        'Publish-ContainerStack'
        'Remove-ContainerStack'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @('Deploy-ContainerStack')
    DscResourcesToExport = @('Container', 'ContainerVolume', 'ContainerNetwork', 'ContainerImage', 'ContainerRegistryLogin')
    PrivateData          = @{
        PSData = @{
            # DSC and DscResources go with DscResourcesToExport (tests/Pester/Package.Tests.ps1 holds them together).
            Tags         = @('Docker', 'Containers', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'DSC', 'DscResources')
            # No ProjectUri, LicenseUri or IconUri: the project has no public address, license or icon yet, and the
            # gallery refuses an empty one ("ProjectUrl cannot be empty").
            ReleaseNotes = @'
0.1.0
- Engines: the local engine (unix socket, named pipe), DOCKER_HOST, DOCKER_CONTEXT and docker contexts, remote engines
  over TCP with TLS client certificates (files, PFX, certificate objects) and ssh://; Get-, Test-, Connect-,
  Disconnect- and New-ContainerEngine.
- Containers: create, start, stop, restart, pause, rename, update, wait, remove; docker run (Invoke-ContainerImage) and
  exec (Invoke-ContainerCommand, Enter-Container), logs, statistics, processes, changes, events, docker cp
  (Copy-ContainerItem) and export.
- Images, registries, networks, volumes: pull, push and build with per-layer progress, tags, history, save and load,
  registry logins shared with the docker CLI (and Azure Container Registry), networks and volumes with prune.
- Hosts: engines the module provisions (local, SSH, Azure) with their own certificate authority, each also a docker
  context.
- DSC resources Container, ContainerVolume, ContainerNetwork, ContainerImage and ContainerRegistryLogin (class-based,
  in the root module Containers.psm1).
- Every state change honours -WhatIf and -Confirm; errors are ErrorRecords with stable ids and categories; tab
  completion asks the engine for names; help for every cmdlet and about_Containers.
- Requires Windows PowerShell 5.1 or PowerShell 7.4 or later: its assemblies reference System.Text.Json 8.0, which
  PowerShell 7.2 (.NET 6) and 7.3 (.NET 7) cannot provide. Azure Automation: the PowerShell 7.4 runtime
  (about_Containers_Automation).
'@
        }
    }
}
