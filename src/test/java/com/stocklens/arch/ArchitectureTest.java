package com.stocklens.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of docs/ARCHITECTURE.md, checked on the production classes. */
class ArchitectureTest {
    /** What every layer may use: the JDK and our own java-only helpers. */
    private static final String[] JDK = {"java..", "javax.annotation..", "javax.crypto..", "javax.net..",
            "com.stocklens.support.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.stocklens");
    }

    private static String[] plus(String... packages) {
        String[] all = new String[JDK.length + packages.length];
        System.arraycopy(JDK, 0, all, 0, JDK.length);
        System.arraycopy(packages, 0, all, JDK.length, packages.length);
        return all;
    }

    @Test
    void supportDependsOnJavaOnly() {
        classes().that().resideInAPackage("com.stocklens.support..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.stocklens.support..")
                .check(classes);
    }

    @Test
    void domainDependsOnJavaOnly() {
        classes().that().resideInAPackage("com.stocklens.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(plus("com.stocklens.domain.."))
                .check(classes);
    }

    @Test
    void rulesArePureFunctionsOverTheDomain() {
        classes().that().resideInAPackage("com.stocklens.rules..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus("com.stocklens.domain..", "com.stocklens.rules.."))
                .check(classes);
    }

    @Test
    void readModelServicesDependOnTheDomainOnly() {
        classes().that().resideInAPackage("com.stocklens.service..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus("com.stocklens.domain..", "com.stocklens.service.."))
                .check(classes);
    }

    @Test
    void connectorPortsDependOnTheDomainOnly() {
        classes().that().resideInAPackage("com.stocklens.connector")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus("com.stocklens.domain..", "com.stocklens.connector"))
                .check(classes);
    }

    @Test
    void connectorsStayInTheirLane() {
        classes().that().resideInAPackage("com.stocklens.connector..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus("com.stocklens.domain..", "com.stocklens.connector..",
                        "okhttp3..", "okio..", "kotlin..", "com.fasterxml.jackson..", "org.slf4j.."))
                .check(classes);
    }

    @Test
    void dialectsDoNotKnowEachOther() {
        slices().matching("com.stocklens.connector.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                "com.stocklens.connector.http.."))
                .check(classes);
    }

    @Test
    void storeSpeaksSqlAndTheDomain() {
        classes().that().resideInAPackage("com.stocklens.store..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus("com.stocklens.domain..", "com.stocklens.service..",
                        "com.stocklens.store..", "org.jdbi..", "org.flywaydb..", "org.h2..", "org.postgresql..", "javax.sql..", "org.slf4j..",
                        // connection settings are one JSON column
                        "com.fasterxml.jackson.."))
                .check(classes);
    }

    @Test
    void reportsWriteFilesFromTheDomain() {
        classes().that().resideInAPackage("com.stocklens.report..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus("com.stocklens.domain..", "com.stocklens.rules..", "com.stocklens.service..",
                        "com.stocklens.report..", "org.apache.poi..", "org.openpdf.."))
                .check(classes);
    }

    @Test
    void stockFileImportsArePureRules() {
        classes().that().resideInAPackage("com.stocklens.imports..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus("com.stocklens.domain..", "com.stocklens.service..",
                        "com.stocklens.imports..", "org.apache.poi..", "org.openxmlformats.schemas..",
                        // The JDK's XML events: an XLSX sheet is streamed, never loaded whole (issue 18).
                        "org.xml.sax..", "javax.xml.parsers.."))
                .check(classes);
    }

    @Test
    void syncUsesPortsNotDialects() {
        // The sync engine moves readings into the store; judging them by the rules is the application's.
        classes().that().resideInAPackage("com.stocklens.sync..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus("com.stocklens.domain..", "com.stocklens.connector",
                        "com.stocklens.store..", "com.stocklens.service..", "com.stocklens.sync..", "org.slf4j.."))
                .check(classes);
    }

    @Test
    void secretStoresKnowOnlyTheServiceAndTheKeychain() {
        classes().that().resideInAPackage("com.stocklens.secrets..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus("com.stocklens.service..", "com.stocklens.secrets..",
                        "com.github.javakeyring..", "org.slf4j.."))
                .check(classes);
    }

    @Test
    void notificationsSpeakHttpButNotStorageOrUi() {
        classes().that().resideInAPackage("com.stocklens.notify..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus("com.stocklens.domain..", "com.stocklens.service..",
                        "com.stocklens.connector.http..", "com.stocklens.notify..", "okhttp3..", "okio..",
                        "kotlin..", "com.fasterxml.jackson..", "org.slf4j.."))
                .check(classes);
    }

    @Test
    void sandboxIsImportedOnlyByTheApplicationAndTests() {
        noClasses().that().resideOutsideOfPackages("com.stocklens.app..", "com.stocklens.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("com.stocklens.sandbox..")
                .check(classes);
    }

    @Test
    void theRootPackageHoldsOnlyTheEntryPoints() {
        classes().that().resideInAPackage("com.stocklens").and().areTopLevelClasses()
                .should().haveNameMatching("com\\.stocklens\\.(Launcher|StockLensApp|UnlockPrompt|StartMarker)")
                .because("the composition root and the application services live in com.stocklens.app")
                .check(classes);
    }

    @Test
    void theApplicationLayerKnowsNeitherItsEntryPointsNorTheWindow() {
        noClasses().that().resideInAPackage("com.stocklens.app..")
                .should().dependOnClassesThat().resideInAnyPackage("com.stocklens", "com.stocklens.cli..",
                        "com.stocklens.ui..", "javafx..")
                .check(classes);
    }

    @Test
    void cliGoesThroughTheSameDoorsAsTheWindow() {
        noClasses().that().resideInAPackage("com.stocklens.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("com.stocklens.store..", "com.stocklens.sync..",
                        "com.stocklens.secrets..")
                .check(classes);
    }

    @Test
    void uiGetsItsServicesThroughTheServiceInterfaces() {
        noClasses().that().resideInAPackage("com.stocklens.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("com.stocklens", "com.stocklens.app..",
                        "com.stocklens.cli..")
                .check(classes);
    }

    @Test
    void uiDoesNotReachIntoStorageOrNetwork() {
        noClasses().that().resideInAPackage("com.stocklens.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("com.stocklens.store..",
                        "com.stocklens.sync..", "com.stocklens.connector..", "com.stocklens.sandbox..", "com.stocklens.secrets..",
                        "okhttp3..", "org.jdbi..", "java.sql..")
                .check(classes);
    }

    @Test
    void viewModelsNeverTouchTheSceneGraph() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx.scene..", "javafx.stage..", "javafx.fxml..", "javafx.application..",
                        "javafx.concurrent..", "javafx.animation..", "org.controlsfx..", "eu.hansolo..",
                        "okhttp3..", "org.jdbi..", "java.sql..");
        rule.check(classes);
    }

    /**
     * The toolkit's packages: the scene graph, windows, FXML, the application and its threads, animation,
     * and the control libraries built on them.
     */
    private static final String[] TOOLKIT = {"javafx.scene..", "javafx.stage..", "javafx.fxml..",
            "javafx.application..", "javafx.concurrent..", "javafx.animation..", "org.controlsfx..", "eu.hansolo..",
            "atlantafx.."};

    /**
     * A view: a class named {@code *View}, {@code *Dialog}, {@code *Dialogs}, {@code *Window} or {@code *Host}
     * (what puts a window on a stage), or {@code Fx*} (the plumbing between the toolkit and the rest:
     * {@code FxExecutor}, {@code FxDialogService}, {@code FxTheme} …), and every class nested in one (cells,
     * skins, listeners).
     */
    private static final DescribedPredicate<JavaClass> VIEWS = new DescribedPredicate<>(
            "views (named *View, *Dialog, *Dialogs, *Window, *Host or Fx*, or nested in one)") {
        @Override
        public boolean test(JavaClass type) {
            JavaClass top = type;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            String name = top.getSimpleName();
            return name.startsWith("Fx") || name.matches(".*(View|Dialogs?|Window|Host)");
        }
    };

    /**
     * Under {@code ui} only views touch the toolkit: view models, row view models, texts, formats, readers,
     * the shell's registry and context all stay testable without one.
     */
    @Test
    void onlyViewsTouchTheToolkit() {
        noClasses().that().resideInAPackage("com.stocklens.ui..").and(DescribedPredicate.not(VIEWS))
                .should().dependOnClassesThat().resideInAnyPackage(TOOLKIT)
                .check(classes);
    }

    @Test
    void onlyFxExecutorCallsRunLater() {
        noClasses().that().doNotHaveFullyQualifiedName("com.stocklens.ui.FxExecutor")
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .check(classes);
    }

    @Test
    void onlyTheCliPrinterWritesToStandardStreams() {
        noClasses().that().doNotHaveFullyQualifiedName("com.stocklens.cli.CliPrinter")
                .and().doNotHaveFullyQualifiedName("com.stocklens.boot.Bootstrap")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(LAYERS).should().beFreeOfCycles().check(classes);
    }

    /**
     * One slice per top-level package, the root package (the entry points) in a slice of its own so a cycle
     * through it is seen, and one per application sub-package, which must not form cycles among themselves.
     */
    static final SliceAssignment LAYERS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals("com.stocklens")) {
                return SliceIdentifier.of("com.stocklens (entry points)");
            }
            if (!pkg.startsWith("com.stocklens.")) {
                return SliceIdentifier.ignore();
            }
            String[] parts = pkg.substring("com.stocklens.".length()).split("\\.");
            return SliceIdentifier.of(parts[0].equals("app") && parts.length > 1 ? "app." + parts[1] : parts[0]);
        }

        @Override
        public String getDescription() {
            return "the root package, each top-level package and each application sub-package";
        }
    };
}
