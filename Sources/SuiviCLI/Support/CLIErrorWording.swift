import Committee
import Publishing
import Register

extension ErrorWording {
    /// The CLI's words for the libraries' errors: each field is the option that gives it, each remedy the
    /// command to type. The one place where a library refusal meets the CLI's vocabulary.
    static let cli = ErrorWording(field: { field in
        switch field {
        case .text: return "--texte"
        case .person: return "--auteur \"Prénom Nom <courriel>\" ou la variable SUIVI_AUTEUR"
        case .reason: return "--motif"
        case .clause: return "--eid"
        case .resolutionNote: return "--note"
        case .event: return "--evenement"
        case .signatureDate: return "--signature"
        case .publicationDate: return "--publication"
        case .entryIntoForceDate: return "--entree-en-vigueur"
        case .futureSignatureConfirmation: return "option --date-future-confirmee"
        case .adoptionConfirmation: return "option --confirmer"
        case .signingKey: return "--cle-ssh <fichier> ou la variable SUIVI_CLE_SSH"
        }
    }, remedy: { remedy in
        switch remedy {
        case .advanceReview(let review, let stages, let seat):
            return stages.map { "suivi revision avancer \(review) \($0) --siege \(seat)" }.joined(separator: " && ")
        case .commitDraft(let draft): return "enregistrez-la : suivi projet enregistrer \(draft) -m \"…\""
        case .exportBulletin(let review): return "relancez suivi exporter bulletin --revision \(review)"
        case .importAdoptedVersion:
            return "enregistrez la version en vigueur comme version adoptée (suivi importer <dossier> --auteur \"Nom <courriel>\", voir suivi versions)"
        case .listComments(let review): return "voyez « suivi commentaire lister --revision \(review) »"
        case .showIdentifiers: return "« suivi afficher --version <version> --ids »"
        case .listSeats: return "voyez « suivi comite lister »"
        case .addMember: return "ajoutez-le avec « suivi comite ajouter-membre »"
        case .listReviews: return "voyez « suivi revision lister »"
        case .listEvents: return "voyez « suivi evenement lister »"
        case .listVersions: return "voyez « suivi versions »"
        case .createRegister(let path): return "créez-le avec « suivi init \(path) »"
        case .importText:
            return "importez d'abord le texte en vigueur (« suivi importer corpus », « suivi importer legi <dossier> » "
                + "ou « suivi importer akn <fichier> »)"
        case .validateFiles: return "« suivi validate <dossier> » donne chaque problème avec son fichier et sa ligne"
        case .listDrafts: return "voyez « suivi projet lister »"
        case .startDraft(let draft): return "ouvrez-le avec « suivi projet ouvrir \(draft) »"
        case .restoreDraft(let draft): return "reprenez la copie de travail (« suivi projet restaurer \(draft) »)"
        case .updateDraft(let draft): return "mettez le projet à jour avec « suivi projet mettre-a-jour \(draft) »"
        case .pullRemote: return "faites d'abord « suivi recuperer »"
        case .pushRemote: return "relancez « suivi envoyer »"
        case .verifyRegister: return "lancez « suivi verifier »"
        case .repairCommittee: return "réparez avec « suivi comite reparer »"
        case .resolveComments: return "résolvez les commentaires ouverts (suivi commentaire resoudre)"
        case .recordPositions: return "recueillez les positions sur le projet consulté (suivi position enregistrer)"
        case .exportComparison(let old, let new): return "suivi exporter comparatif \(old) \(new)"
        case .registerKey(let seat):
            return "la présidence l'inscrit (« suivi comite cle \(seat ?? "<siège>") --courriel … --cle-publique <fichier.pub> », "
                + "ou « suivi comite cle-serveur --cle-publique <fichier.pub> » pour le serveur web)"
        }
    })
}

/// An error's message as the CLI prints it: a library refusal in the CLI's words, anything else as it describes itself.
func cliMessage(_ error: any Error) -> String {
    if let error = error as? any WordedError { return error.description(.cli) }
    return String(describing: error)
}
