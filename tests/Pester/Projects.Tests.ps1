#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Compose projects in a real pwsh: a file written to TestDrive, started, listed, stopped and taken down, volume and
    all, against the private engine.
#>

BeforeAll {
    $script:ownEngine = $null
    if (-not $env:CONTAINERS_TEST_REGISTRY) {
        . (Join-Path $PSScriptRoot 'Support/TestEngine.ps1')
        $script:ownEngine = Start-TestEngine
    }
    $script:modulePath = if ($env:CONTAINERS_MODULE_PATH) { $env:CONTAINERS_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Containers/Containers.psd1' }
    Import-Module $script:modulePath -Force
    $script:image = if ($env:CONTAINERS_TEST_IMAGE) { $env:CONTAINERS_TEST_IMAGE } else { 'localhost/containers-test/busybox:latest' }
    $script:prefix = 'pester-proj-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
}

AfterAll {
    Remove-ContainerProject -Name "$script:prefix*" -Volume -Confirm:$false -ErrorAction SilentlyContinue
    if ($script:ownEngine) { Stop-TestEngine -Process $script:ownEngine }
}

Describe 'Compose projects' {
    It 'start from a file, list with their status, stop, and go with their volume' {
        $file = Join-Path $TestDrive 'compose.yaml'
        Set-Content -Path $file -Value @'
services:
  web:
    image: ${IMAGE}
    command: ["sleep", "300"]
    stop_signal: SIGKILL
    depends_on: [db]
  db:
    image: ${IMAGE}
    command: ["sleep", "300"]
    stop_signal: SIGKILL
    volumes: ["data:/data"]
volumes:
  data: {}
'@
        $project = Start-ContainerProject -Path $file -Name $script:prefix -Environment @{ IMAGE = $script:image }
        $project.Status | Should -Be 'running(2)'
        $project.Containers.Name | Should -Be @("$script:prefix-db-1", "$script:prefix-web-1")

        (Get-ContainerProject -Name $script:prefix | Out-String) | Should -Match "$script:prefix\s+running\(2\)"
        (Start-ContainerProject -Path $file -Name $script:prefix -Environment @{ IMAGE = $script:image }).Containers.Id |
            Should -Be $project.Containers.Id

        (Stop-ContainerProject -Name $script:prefix -PassThru).Status | Should -Be 'exited(2)'
        Remove-ContainerProject -Name $script:prefix -Volume
        Get-ContainerProject -Name "$script:prefix*" | Should -BeNullOrEmpty
        Get-ContainerVolume -Name "$script:prefix*" | Should -BeNullOrEmpty
    }

    It 'waits for a healthy dependency, and -Timeout ends a wait that lasts too long' {
        $file = Join-Path $TestDrive 'health.yaml'
        Set-Content -Path $file -Value @'
services:
  web:
    image: ${IMAGE}
    command: ["sleep", "300"]
    stop_signal: SIGKILL
    depends_on:
      db:
        condition: service_healthy
  db:
    image: ${IMAGE}
    command: ["sleep", "300"]
    stop_signal: SIGKILL
    healthcheck:
      test: ["CMD", "true"]
      interval: ${INTERVAL}
'@
        $name = "$script:prefix-health"
        $project = Start-ContainerProject -Path $file -Name $name -Environment @{ IMAGE = $script:image; INTERVAL = '1s' }
        $project.Status | Should -Be 'running(2)'
        (Get-ContainerDetail -Name "$name-db-1").Health | Should -Be 'healthy'
        Remove-ContainerProject -Name $name

        $result = Start-ContainerProject -Path $file -Name $name -Environment @{ IMAGE = $script:image; INTERVAL = '1m' } -Timeout 1 -ErrorVariable failed -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ProjectDependencyTimeout*'
        $failed[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        (Get-ContainerProject -Name $name).Containers.Name | Should -Be "$name-db-1"
        Remove-ContainerProject -Name $name
    }
}
