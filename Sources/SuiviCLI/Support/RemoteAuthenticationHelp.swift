/// The paragraph `suivi cloner`, `recuperer` and `envoyer` show in their help on authenticated remotes (forges):
/// where identifiers come from and how SSH servers are checked (docs/SYNC.md).
enum RemoteAuthenticationHelp {
    static let text = """
    Dépôt distant authentifié (forge GitLab, Forgejo, Gitea…) : les identifiants ne se donnent jamais sur la \
    ligne de commande ni dans l'adresse (une adresse « https://nom:motdepasse@… » est refusée) et ne sont \
    jamais écrits dans le registre.
      https:// : variable SUIVI_GIT_JETON (jeton d'accès de la forge ; utilisateur SUIVI_GIT_UTILISATEUR, \
    sinon celui de l'adresse, sinon « oauth2 »), ou SUIVI_GIT_UTILISATEUR et SUIVI_GIT_MOT_DE_PASSE, puis \
    les assistants d'identification de git (credential.helper de ~/.gitconfig, protocole « get »).
      ssh:// ou git@forge:chemin : l'agent SSH (SSH_AUTH_SOCK, clés chargées par ssh-add), puis la clé \
    privée SUIVI_CLE_SSH_DISTANT (phrase de passe : SUIVI_CLE_SSH_PHRASE), sinon ~/.ssh/id_ed25519, \
    id_ecdsa ou id_rsa ; l'utilisateur est celui de l'adresse (git@…). La clé d'hôte du serveur doit être \
    dans ~/.ssh/known_hosts ou /etc/ssh/ssh_known_hosts (ou le fichier SUIVI_KNOWN_HOSTS) : un serveur inconnu est refusé avec \
    l'empreinte SHA256 de sa clé (ajoutez-la avec ssh-keyscan après l'avoir vérifiée), une clé changée est \
    refusée. Les certificats https sont vérifiés par le système.
    Chaque source est essayée une fois ; si la forge les refuse toutes, rien n'est modifié.
    """
}
