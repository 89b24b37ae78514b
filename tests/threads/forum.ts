/** The thread operations the tests use, written once. */
export const POST_FIELDS =
  'id body bodyHtml visibility status helpfulCount viewerMarkedHelpful editedAt author { handle }';
export const THREAD_FIELDS = `id kind title body bodyHtml replyCount lastActivityAt locked viewerCanModerate topics { slug } author { handle }
  acceptedAnswer { id } openingPost { id }`;
export const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { ${THREAD_FIELDS} } }`;
export const REPLY = `mutation($input: ReplyInput!) { reply(input: $input) { ${POST_FIELDS} } }`;
export const THREAD = `query($id: ID!) { thread(id: $id) { ${THREAD_FIELDS} posts(first: 100) { edges { node { ${POST_FIELDS} } } } } }`;
export const POSTS = `query($id: ID!, $first: Int, $after: String) {
  thread(id: $id) { posts(first: $first, after: $after) { edges { cursor node { id body } } pageInfo { hasNextPage endCursor } } }
}`;
export const NODE = `query($id: ID!) { node(id: $id) { id } }`;
export const EDIT = `mutation($postId: ID!, $body: String!) { editPost(input: { postId: $postId, body: $body }) { body editedAt } }`;
export const HISTORY = `query($id: ID!) { node(id: $id) { ... on Post { editHistory { previousBody } } } }`;
export const DELETE = `mutation($postId: ID!) { deletePost(postId: $postId) { status body } }`;
export const ACCEPT = `mutation($postId: ID!) { acceptAnswer(postId: $postId) { acceptedAnswer { id body } } }`;
export const HELPFUL = `mutation($postId: ID!, $helpful: Boolean) { markHelpful(postId: $postId, helpful: $helpful) { helpfulCount viewerMarkedHelpful } }`;
export const LOCK = `mutation($threadId: ID!, $locked: Boolean!) { lockThread(threadId: $threadId, locked: $locked) { locked } }`;
export const SPACE_THREADS = `query($id: ID!, $first: Int, $after: String, $topic: String) {
  space(id: $id) { threads(first: $first, after: $after, topic: $topic) { edges { node { title replyCount } } pageInfo { hasNextPage endCursor } } }
}`;
